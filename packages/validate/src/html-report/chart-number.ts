import type { ChartValue } from './chart-types.js';

/** A chart value as a number: NULL and text that is not a number count as 0. */
export function chartNumber(value: ChartValue | undefined): number {
  const number = Number(value ?? 0);
  return Number.isFinite(number) ? number : 0;
}
