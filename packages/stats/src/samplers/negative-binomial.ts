import { requireNonNegative } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { gammaPoissonMixture } from './gamma-poisson-mixture.js';
import { poisson } from './poisson.js';

/** Negative binomial by mean and dispersion k: variance = mean + mean² / k. */
export interface NegativeBinomialParameters {
  readonly mean: number;
  /** k > 0; `Infinity` is the Poisson limit. */
  readonly dispersion: number;
}

/**
 * Over-dispersed counts with the given mean and dispersion k, as a gamma–Poisson mixture:
 * λ ~ Gamma(k, mean / k), X ~ Poisson(λ). As k → ∞ it tends to Poisson(mean).
 */
export function negativeBinomial(source: RandomSource) {
  return ({ mean, dispersion }: NegativeBinomialParameters): (() => number) => {
    requireNonNegative('mean', mean);
    if (!(dispersion > 0)) {
      throw new RangeError(`dispersion must be > 0 or Infinity (got ${String(dispersion)})`);
    }
    if (mean === 0) return () => 0;
    if (dispersion === Number.POSITIVE_INFINITY) return poisson(source)(mean);
    return gammaPoissonMixture(source, dispersion, mean / dispersion);
  };
}
