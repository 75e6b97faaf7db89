import { requireFinite, requireNonNegative } from '../parameters.js';
import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';
import { truncatedStandardNormal } from './truncated-standard-normal.js';

/**
 * Lognormal(mu, sigma) conditioned on [lower, upper] with 0 <= lower < upper <= +Infinity,
 * e.g. a length of stay of at least 0.25 days: the exponential of a truncated normal on the
 * log scale. Results never leave the bounds.
 */
export function truncatedLognormal(source: RandomSource) {
  return (
    mu: number,
    sigma: number,
    lower: number,
    upper = Number.POSITIVE_INFINITY,
  ): (() => number) => {
    requireFinite('mu', mu);
    requireNonNegative('sigma', sigma);
    requireNonNegative('lower', lower);
    if (Number.isNaN(upper) || !(upper > lower)) {
      throw new RangeError(`upper must be > lower (got lower=${lower}, upper=${String(upper)})`);
    }
    if (sigma === 0) {
      const median = Math.exp(mu);
      if (median < lower || median > upper) {
        throw new RangeError(`with sigma = 0, exp(mu) must lie in [lower, upper] (got ${median})`);
      }
      return () => median;
    }
    const z = truncatedStandardNormal(
      source,
      (Math.log(lower) - mu) / sigma,
      (Math.log(upper) - mu) / sigma,
    );
    return () => Math.min(upper, Math.max(lower, fastExp(mu + sigma * z())));
  };
}
