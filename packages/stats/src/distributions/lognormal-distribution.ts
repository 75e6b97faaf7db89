import { requireFinite, requireNonNegative } from '../parameters.js';
import { standardNormalCdf } from '../special/standard-normal-cdf.js';
import { standardNormalQuantile } from '../special/standard-normal-quantile.js';
import type { ContinuousDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';

const INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** Lognormal: ln X ~ Normal(mu, sigma). */
export function lognormalDistribution(mu: number, sigma: number): ContinuousDistribution {
  requireFinite('mu', mu);
  requireNonNegative('sigma', sigma);
  if (sigma === 0) return pointMass(Math.exp(mu));
  const variance = sigma * sigma;
  return {
    mean: Math.exp(mu + variance / 2),
    variance: Math.expm1(variance) * Math.exp(2 * mu + variance),
    pdf: (x) => {
      if (!(x > 0)) return 0;
      const z = (Math.log(x) - mu) / sigma;
      return (INVERSE_SQRT_TWO_PI / (sigma * x)) * Math.exp(-0.5 * z * z);
    },
    cdf: (x) => (x > 0 ? standardNormalCdf((Math.log(x) - mu) / sigma) : 0),
    quantile: (p) => Math.exp(mu + sigma * standardNormalQuantile(p)),
  };
}
