import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';

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
    probability *= lambda / k;
    cumulative += probability;
  }
  return k;
}
