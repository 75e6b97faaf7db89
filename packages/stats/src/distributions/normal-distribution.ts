import { requireFinite, requireNonNegative } from '../parameters.js';
import { standardNormalCdf } from '../special/standard-normal-cdf.js';
import { standardNormalQuantile } from '../special/standard-normal-quantile.js';
import type { ContinuousDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';

const INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** Normal with mean `mu` and standard deviation `sigma` (Cody's erfc, Wichura's AS 241). */
export function normalDistribution(mu = 0, sigma = 1): ContinuousDistribution {
  requireFinite('mu', mu);
  requireNonNegative('sigma', sigma);
  if (sigma === 0) return pointMass(mu);
  return {
    mean: mu,
    variance: sigma * sigma,
    pdf: (x) => {
      const z = (x - mu) / sigma;
      return (INVERSE_SQRT_TWO_PI / sigma) * Math.exp(-0.5 * z * z);
    },
    cdf: (x) => standardNormalCdf((x - mu) / sigma),
    quantile: (p) => mu + sigma * standardNormalQuantile(p),
  };
}
