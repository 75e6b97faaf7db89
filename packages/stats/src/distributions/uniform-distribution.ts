import { requireFinite } from '../parameters.js';
import type { ContinuousDistribution } from './distribution.js';
import { pointMass } from './point-mass.js';

/** Continuous uniform on [min, max]. */
export function uniformDistribution(min = 0, max = 1): ContinuousDistribution {
  requireFinite('min', min);
  requireFinite('max', max);
  if (!(max >= min)) throw new RangeError(`max must be >= min (got min=${min}, max=${max})`);
  if (max === min) return pointMass(min);
  const width = max - min;
  return {
    mean: min + width / 2,
    variance: (width * width) / 12,
    pdf: (x) => (x >= min && x <= max ? 1 / width : 0),
    cdf: (x) => Math.min(1, Math.max(0, (x - min) / width)),
    quantile: (p) => (p >= 0 && p <= 1 ? min + p * width : Number.NaN),
  };
}
