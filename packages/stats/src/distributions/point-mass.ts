import type { ContinuousDistribution, DiscreteDistribution } from './distribution.js';

/** All mass at `value`: the degenerate limit several families reach at their edges. */
export function pointMass(value: number): ContinuousDistribution & DiscreteDistribution {
  return {
    mean: value,
    variance: 0,
    pdf: (x) => (x === value ? Number.POSITIVE_INFINITY : 0),
    pmf: (k) => (k === value ? 1 : 0),
    cdf: (x) => (x >= value ? 1 : 0),
    quantile: (p) => (p >= 0 && p <= 1 ? value : Number.NaN),
  };
}
