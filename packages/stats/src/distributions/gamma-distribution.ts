import { requirePositive } from '../parameters.js';
import { logGamma } from '../special/log-gamma.js';
import { regularizedGammaP } from '../special/regularized-gamma.js';
import type { ContinuousDistribution } from './distribution.js';

/** Gamma with `shape` k and `scale` θ: density x^(k-1) e^(-x/θ) / (Γ(k) θ^k). */
export function gammaDistribution(shape: number, scale = 1): ContinuousDistribution {
  requirePositive('shape', shape);
  requirePositive('scale', scale);
  const logNormaliser = logGamma(shape) + shape * Math.log(scale);
  return {
    mean: shape * scale,
    variance: shape * scale * scale,
    pdf: (x) => {
      if (x < 0) return 0;
      if (x === 0) {
        if (shape < 1) return Number.POSITIVE_INFINITY;
        return shape === 1 ? 1 / scale : 0;
      }
      return Math.exp((shape - 1) * Math.log(x) - x / scale - logNormaliser);
    },
    cdf: (x) => (x > 0 ? regularizedGammaP(shape, x / scale) : 0),
    quantile: (p) => scale * standardGammaQuantile(p, shape),
  };
}

// Halley's method on P(a, x) - p from the starting points of Press et al., Numerical
// Recipes, 3rd ed., §6.2.1 (invgammp), iterated to full precision.
function standardGammaQuantile(p: number, a: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const aMinusOne = a - 1;
  const logGammaA = logGamma(a);
  const logAMinusOne = a > 1 ? Math.log(aMinusOne) : 0;
  const densityFactor = a > 1 ? Math.exp(aMinusOne * (logAMinusOne - 1) - logGammaA) : 0;
  let x: number;
  if (a > 1) {
    const tail = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(tail));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    x = Math.max(1e-3, a * (1 - 1 / (9 * a) - z / (3 * Math.sqrt(a))) ** 3);
  } else {
    const t = 1 - a * (0.253 + a * 0.12);
    x = p < t ? (p / t) ** (1 / a) : 1 - Math.log(1 - (p - t) / (1 - t));
  }
  for (let iteration = 0; iteration < 100; iteration++) {
    if (x <= 0) return 0;
    const error = regularizedGammaP(a, x) - p;
    const density =
      a > 1
        ? densityFactor * Math.exp(-(x - aMinusOne) + aMinusOne * (Math.log(x) - logAMinusOne))
        : Math.exp(-x + aMinusOne * Math.log(x) - logGammaA);
    if (density === 0) break;
    const newtonStep = error / density;
    const step = newtonStep / (1 - 0.5 * Math.min(1, newtonStep * (aMinusOne / x - 1)));
    const next = x - step;
    x = next <= 0 ? 0.5 * x : next;
    if (Math.abs(step) <= 1e-15 * x) break;
  }
  return x;
}
