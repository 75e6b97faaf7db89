import { requireNonNegative } from '../parameters.js';
import type { NegativeBinomialParameters } from '../samplers/negative-binomial.js';
import type { DiscreteDistribution } from './distribution.js';
import { negativeBinomialByComplement } from './negative-binomial-by-complement.js';
import { pointMass } from './point-mass.js';
import { poissonDistribution } from './poisson-distribution.js';

/**
 * Negative binomial by mean and dispersion k (variance mean + mean²/k): n = k,
 * p = k / (k + mean). `dispersion: Infinity` is Poisson(mean).
 */
export function negativeBinomialDistribution({
  mean,
  dispersion,
}: NegativeBinomialParameters): DiscreteDistribution {
  requireNonNegative('mean', mean);
  if (!(dispersion > 0)) {
    throw new RangeError(`dispersion must be > 0 or Infinity (got ${String(dispersion)})`);
  }
  if (mean === 0) return pointMass(0);
  if (dispersion === Number.POSITIVE_INFINITY) return poissonDistribution(mean);
  const total = dispersion + mean;
  return negativeBinomialByComplement(dispersion, dispersion / total, mean / total);
}
