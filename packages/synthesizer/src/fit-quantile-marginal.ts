import type { Marginal } from './marginal.js';

/** Knots of a quantile marginal: 1/512 of probability between knots. */
export const QUANTILE_KNOTS = 513;

/**
 * Fits a quantile marginal to the non-missing `values` (NaN is missing): the type-7
 * quantiles at QUANTILE_KNOTS evenly spaced probabilities, each an interpolation
 * between order statistics, rounded to 1e-9 relative so the model file stays small.
 */
export function fitQuantileMarginal(
  values: Float64Array,
  step: number,
  knotCount = QUANTILE_KNOTS,
): Marginal {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort();
  if (sorted.length === 0) return { kind: 'quantile', knots: [0, 0], step };
  const knots: number[] = [];
  for (let k = 0; k < knotCount; k++) {
    const position = (k / (knotCount - 1)) * (sorted.length - 1);
    const below = Math.floor(position);
    const fraction = position - below;
    const low = sorted[below]!;
    const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
    knots.push(Number((low + (high - low) * fraction).toPrecision(12)));
  }
  return { kind: 'quantile', knots, step };
}
