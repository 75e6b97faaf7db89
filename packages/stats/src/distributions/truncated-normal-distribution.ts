import { requireFinite, requireNonNegative } from '../parameters.js';
import type { ContinuousDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';
import { truncatedStandardNormalDistribution } from './truncated-standard-normal-distribution.js';

/** Normal(mu, sigma) conditioned on [lower, upper]. */
export function truncatedNormalDistribution(
  mu: number,
  sigma: number,
  lower: number,
  upper = Number.POSITIVE_INFINITY,
): ContinuousDistribution {
  requireFinite('mu', mu);
  requireNonNegative('sigma', sigma);
  if (Number.isNaN(lower) || Number.isNaN(upper) || !(upper > lower)) {
    throw new RangeError(`upper must be > lower (got lower=${lower}, upper=${upper})`);
  }
  if (sigma === 0) {
    if (mu < lower || mu > upper) {
      throw new RangeError(`with sigma = 0, mu must lie in [lower, upper] (got mu=${mu})`);
    }
    return pointMass(mu);
  }
  const standard = truncatedStandardNormalDistribution((lower - mu) / sigma, (upper - mu) / sigma);
  return {
    mean: mu + sigma * standard.mean,
    variance: sigma * sigma * standard.variance,
    pdf: (x) => standard.pdf((x - mu) / sigma) / sigma,
    cdf: (x) => standard.cdf((x - mu) / sigma),
    quantile: (p) => Math.min(upper, Math.max(lower, mu + sigma * standard.quantile(p))),
  };
}
