import { weightTotal } from '../weight-total.js';
import type { DiscreteDistribution } from './distribution.js';

/** Category k in [0, n) with probability weights[k] / Σ weights. */
export function categoricalDistribution(weights: ArrayLike<number>): DiscreteDistribution {
  const size = weights.length;
  const total = weightTotal(weights);
  const probabilities = Float64Array.from({ length: size }, (_, i) => weights[i]! / total);
  const cumulative = new Float64Array(size);
  let running = 0;
  let mean = 0;
  let secondMoment = 0;
  for (let i = 0; i < size; i++) {
    const probability = probabilities[i]!;
    running += probability;
    cumulative[i] = running;
    mean += i * probability;
    secondMoment += i * i * probability;
  }
  cumulative[size - 1] = 1;
  return {
    mean,
    variance: secondMoment - mean * mean,
    pmf: (k) => (Number.isInteger(k) && k >= 0 && k < size ? probabilities[k]! : 0),
    cdf: (k) => (k < 0 ? 0 : k >= size - 1 ? 1 : cumulative[Math.floor(k)]!),
    quantile: (p) => {
      if (!(p >= 0 && p <= 1)) return Number.NaN;
      for (let k = 0; k < size; k++) {
        if (cumulative[k]! >= p && probabilities[k]! > 0) return k;
      }
      return size - 1;
    },
  };
}
