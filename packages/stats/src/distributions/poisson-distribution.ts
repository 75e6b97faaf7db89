import { requireNonNegative } from '../parameters.js';
import { logFactorial } from '../special/log-factorial.js';
import { regularizedGammaQ } from '../special/regularized-gamma.js';
import { standardNormalQuantile } from '../special/standard-normal-quantile.js';
import { discreteQuantile } from './discrete-quantile.js';
import type { DiscreteDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';

/** Poisson with mean `lambda`; cdf(k) = Q(k + 1, λ), the regularized upper gamma. */
export function poissonDistribution(lambda: number): DiscreteDistribution {
  requireNonNegative('lambda', lambda);
  if (lambda === 0) return pointMass(0);
  const logLambda = Math.log(lambda);
  const cdf = (k: number): number => (k < 0 ? 0 : regularizedGammaQ(Math.floor(k) + 1, lambda));
  return {
    mean: lambda,
    variance: lambda,
    pmf: (k) =>
      Number.isInteger(k) && k >= 0 ? Math.exp(k * logLambda - lambda - logFactorial(k)) : 0,
    cdf,
    quantile: (p) => {
      // Cornish–Fisher start: normal quantile with the skewness correction.
      const z = standardNormalQuantile(p);
      return discreteQuantile(p, cdf, lambda + Math.sqrt(lambda) * z + (z * z - 1) / 6);
    },
  };
}
