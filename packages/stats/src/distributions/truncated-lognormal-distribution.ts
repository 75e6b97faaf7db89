import { requireFinite, requireNonNegative } from '../parameters.js';
import { normalIntervalMass } from '../special/normal-interval-mass.js';
import type { ContinuousDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';
import { truncatedStandardNormalDistribution } from './truncated-standard-normal-distribution.js';

/**
 * Lognormal(mu, sigma) conditioned on [lower, upper], 0 <= lower < upper. Raw moments are
 * E[X^r] = exp(rμ + r²σ²/2) · P(α - rσ <= Z <= β - rσ) / P(α <= Z <= β).
 */
export function truncatedLognormalDistribution(
  mu: number,
  sigma: number,
  lower: number,
  upper = Number.POSITIVE_INFINITY,
): ContinuousDistribution {
  requireFinite('mu', mu);
  requireNonNegative('sigma', sigma);
  requireNonNegative('lower', lower);
  if (Number.isNaN(upper) || !(upper > lower)) {
    throw new RangeError(`upper must be > lower (got lower=${lower}, upper=${upper})`);
  }
  if (sigma === 0) {
    const median = Math.exp(mu);
    if (median < lower || median > upper) {
      throw new RangeError(`with sigma = 0, exp(mu) must lie in [lower, upper] (got ${median})`);
    }
    return pointMass(median);
  }
  const alpha = (Math.log(lower) - mu) / sigma;
  const beta = (Math.log(upper) - mu) / sigma;
  const standard = truncatedStandardNormalDistribution(alpha, beta);
  const mass = normalIntervalMass(alpha, beta);
  const rawMoment = (r: number): number =>
    (Math.exp(r * mu + 0.5 * r * r * sigma * sigma) *
      normalIntervalMass(alpha - r * sigma, beta - r * sigma)) /
    mass;
  const mean = rawMoment(1);
  return {
    mean,
    variance: rawMoment(2) - mean * mean,
    pdf: (x) => (x > 0 ? standard.pdf((Math.log(x) - mu) / sigma) / (sigma * x) : 0),
    cdf: (x) => (x > 0 ? standard.cdf((Math.log(x) - mu) / sigma) : 0),
    quantile: (p) => Math.min(upper, Math.max(lower, Math.exp(mu + sigma * standard.quantile(p)))),
  };
}
