import { requireProbability } from '../parameters.js';
import type { DiscreteDistribution } from './distribution.js';

/** 1 with probability p, else 0. */
export function bernoulliDistribution(p: number): DiscreteDistribution {
  requireProbability('p', p);
  return {
    mean: p,
    variance: p * (1 - p),
    pmf: (k) => (k === 1 ? p : k === 0 ? 1 - p : 0),
    cdf: (k) => (k < 0 ? 0 : k < 1 ? 1 - p : 1),
    quantile: (probability) => {
      if (!(probability >= 0 && probability <= 1)) return Number.NaN;
      return probability <= 1 - p ? 0 : 1;
    },
  };
}
