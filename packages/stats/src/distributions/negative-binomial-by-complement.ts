import { logGamma } from '../special/log-gamma.js';
import { regularizedBeta } from '../special/regularized-beta.js';
import { standardNormalQuantile } from '../special/standard-normal-quantile.js';
import { discreteQuantile } from './discrete-quantile.js';
import type { DiscreteDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';

/**
 * Negative binomial (n, p) with q = 1 - p passed separately, so that callers who know q
 * precisely (a large dispersion makes p round to 1) keep it accurate.
 * pmf(k) = Γ(k + n) / (Γ(n) k!) p^n q^k, cdf(k) = I_p(n, k + 1).
 */
export function negativeBinomialByComplement(
  n: number,
  p: number,
  q: number,
): DiscreteDistribution {
  if (q === 0) return pointMass(0);
  const logP = Math.log(p);
  const logQ = Math.log(q);
  const logGammaN = logGamma(n);
  const mean = (n * q) / p;
  const variance = mean / p;
  const cdf = (k: number): number => (k < 0 ? 0 : regularizedBeta(p, n, Math.floor(k) + 1));
  return {
    mean,
    variance,
    pmf: (k) => {
      if (!(Number.isInteger(k) && k >= 0)) return 0;
      return Math.exp(
        logGamma(k + n) - logGammaN - logGamma(k + 1) + n * logP + (k === 0 ? 0 : k * logQ),
      );
    },
    cdf,
    quantile: (probability) => {
      const z = standardNormalQuantile(probability);
      return discreteQuantile(probability, cdf, mean + Math.sqrt(variance) * z);
    },
  };
}
