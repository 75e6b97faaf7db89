import { requireSafeInteger } from '../parameters.js';
import type { DiscreteDistribution } from './distribution.js';

/** Integers uniform on [min, maxInclusive]. */
export function uniformIntDistribution(min: number, maxInclusive: number): DiscreteDistribution {
  requireSafeInteger('min', min);
  requireSafeInteger('maxInclusive', maxInclusive);
  if (maxInclusive < min) {
    throw new RangeError(
      `maxInclusive must be >= min (got min=${min}, maxInclusive=${maxInclusive})`,
    );
  }
  const count = maxInclusive - min + 1;
  return {
    mean: (min + maxInclusive) / 2,
    variance: (count * count - 1) / 12,
    pmf: (k) => (Number.isInteger(k) && k >= min && k <= maxInclusive ? 1 / count : 0),
    cdf: (k) => Math.min(1, Math.max(0, (Math.floor(k) - min + 1) / count)),
    quantile: (p) => {
      if (!(p >= 0 && p <= 1)) return Number.NaN;
      return Math.max(min, min + Math.ceil(p * count) - 1);
    },
  };
}
