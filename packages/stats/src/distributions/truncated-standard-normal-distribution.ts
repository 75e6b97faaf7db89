import { normalIntervalMass } from '../special/normal-interval-mass.js';
import { standardNormalCdf } from '../special/standard-normal-cdf.js';
import { standardNormalQuantile } from '../special/standard-normal-quantile.js';
import type { ContinuousDistribution } from './distribution.js';

const INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

function density(z: number): number {
  return Number.isFinite(z) ? INVERSE_SQRT_TWO_PI * Math.exp(-0.5 * z * z) : 0;
}

/**
 * The standard normal conditioned on [a, b]. Masses come from the tail the interval lies in
 * and quantiles invert that tail, so far-tail intervals stay accurate; the moments are the
 * classic ones (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions, §10.1).
 */
export function truncatedStandardNormalDistribution(a: number, b: number): ContinuousDistribution {
  const mass = normalIntervalMass(a, b);
  if (!(mass > 0)) {
    throw new RangeError(
      `the interval [${a}, ${b}] (standardised) has no normal mass to condition on`,
    );
  }
  const densityA = density(a);
  const densityB = density(b);
  const aTerm = Number.isFinite(a) ? a * densityA : 0;
  const bTerm = Number.isFinite(b) ? b * densityB : 0;
  const shift = (densityA - densityB) / mass;
  const upperTail = a >= 0;
  return {
    mean: shift,
    variance: 1 + (aTerm - bTerm) / mass - shift * shift,
    pdf: (z) => (z >= a && z <= b ? density(z) / mass : 0),
    cdf: (z) => (z <= a ? 0 : z >= b ? 1 : normalIntervalMass(a, z) / mass),
    quantile: (p) => {
      if (!(p >= 0 && p <= 1)) return Number.NaN;
      if (p === 0) return a;
      if (p === 1) return b;
      const z = upperTail
        ? -standardNormalQuantile(standardNormalCdf(-a) - p * mass)
        : standardNormalQuantile(standardNormalCdf(a) + p * mass);
      return Math.min(b, Math.max(a, z));
    },
  };
}
