import { requirePositive, requireProbability } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { gammaPoissonMixture } from './gamma-poisson-mixture.js';

/**
 * Negative binomial in the (n, p) form: failures before the n-th success, success
 * probability p (n may be fractional), as the gamma–Poisson mixture
 * λ ~ Gamma(n, (1 - p) / p), X ~ Poisson(λ). Mean n(1 - p)/p.
 */
export function negativeBinomialNP(source: RandomSource) {
  return (n: number, p: number): (() => number) => {
    requirePositive('n', n);
    requireProbability('p', p);
    if (p === 0) throw new RangeError('p must be > 0 (got 0)');
    if (p === 1) return () => 0;
    return gammaPoissonMixture(source, n, (1 - p) / p);
  };
}
