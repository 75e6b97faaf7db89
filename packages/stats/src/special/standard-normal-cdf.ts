import { erfc } from './erfc.js';

/** Φ(z), the standard normal CDF, accurate to ~1e-16 relative in both tails. */
export function standardNormalCdf(z: number): number {
  return 0.5 * erfc(-z * Math.SQRT1_2);
}
