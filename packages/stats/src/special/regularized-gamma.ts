import { logGamma } from './log-gamma.js';

// Series and Lentz continued fraction of Press et al., Numerical Recipes, 3rd ed., §6.2
// (gser, gcf); the series for x < a + 1, the fraction beyond.
const EPSILON = 2 ** -53;
const TINY = 1e-300;

/** Regularized lower incomplete gamma P(a, x) for a > 0, x >= 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate when it is tiny. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

/** Beyond this shape the prefactor is taken about x = a, where Stirling's series is exact. */
const STIRLING_FROM = 30;

/**
 * x^a e^(-x) / Γ(a). For large a, written as exp(a(log1p(y) - y) + ½ ln(a/2π) - s(a)) with
 * y = (x - a)/a and s Stirling's remainder, which avoids cancelling terms of size a ln a.
 */
function prefactor(a: number, x: number): number {
  if (a < STIRLING_FROM) return Math.exp(a * Math.log(x) - x - logGamma(a));
  const y = (x - a) / a;
  const inverse = 1 / a;
  const inverseSquared = inverse * inverse;
  const stirlingRemainder =
    inverse *
    (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared / 1680)));
  return Math.exp(a * (Math.log1p(y) - y) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingRemainder);
}

function maxIterations(a: number): number {
  return 1000 + Math.ceil(20 * Math.sqrt(a));
}

function lowerSeries(a: number, x: number): number {
  let denominator = a;
  let term = 1 / a;
  let sum = term;
  const limit = maxIterations(a);
  for (let i = 0; i < limit; i++) {
    denominator += 1;
    term *= x / denominator;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum * prefactor(a, x);
  }
  throw new Error(`regularized gamma series did not converge (a=${a}, x=${x})`);
}

function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  const limit = maxIterations(a);
  for (let i = 1; i <= limit; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) <= EPSILON) return prefactor(a, x) * fraction;
  }
  throw new Error(`regularized gamma continued fraction did not converge (a=${a}, x=${x})`);
}
