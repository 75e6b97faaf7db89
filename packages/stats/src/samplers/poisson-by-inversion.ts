import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';

// 1/k: a multiply in the search loop instead of a divide, whose latency is ~5x longer.
const RECIPROCALS = Float64Array.from({ length: 64 }, (_, k) => 1 / k);
const LAST_RECIPROCAL = RECIPROCALS.length - 1;

/**
 * One Poisson(λ) variate by sequential-search inversion (Devroye, "Non-Uniform Random Variate
 * Generation", 1986, §X.3.3): one uniform and about λ + 1 steps, for small λ that changes
 * every draw.
 */
export function poissonByInversion(source: RandomSource, lambda: number): number {
  const u = source.next();
  let k = 0;
  let probability = fastExp(-lambda);
  let cumulative = probability;
  // `probability > 0` stops the search should rounding leave the sum just below u.
  while (u >= cumulative && probability > 0) {
    k += 1;
    probability *= k <= LAST_RECIPROCAL ? lambda * RECIPROCALS[k]! : lambda / k;
    cumulative += probability;
  }
  return k;
}
