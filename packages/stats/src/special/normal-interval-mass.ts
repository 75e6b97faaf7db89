import { erfc } from './erfc.js';

/**
 * P(a <= Z <= b) for a standard normal Z, computed from the tail on the side the interval
 * lies on so that far-tail intervals keep their relative accuracy.
 */
export function normalIntervalMass(a: number, b: number): number {
  if (!(a < b)) return 0;
  if (a >= 0) return 0.5 * (erfc(a * Math.SQRT1_2) - erfc(b * Math.SQRT1_2));
  if (b <= 0) return 0.5 * (erfc(-b * Math.SQRT1_2) - erfc(-a * Math.SQRT1_2));
  return 1 - 0.5 * (erfc(-a * Math.SQRT1_2) + erfc(b * Math.SQRT1_2));
}
