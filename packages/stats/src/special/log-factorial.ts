import { logGamma } from './log-gamma.js';

const TABLE_SIZE = 256;
const TABLE = Float64Array.from({ length: TABLE_SIZE }, (_, k) => logGamma(k + 1));
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln k! for integers k >= 0: a table below 256, beyond it Stirling's series for ln Γ(k + 1)
 * to the x^-7 term (error below 1e-22 there), which costs one log.
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return TABLE[k]!;
  const x = k + 1;
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  const series =
    inverse *
    (1 / 12 - inverseSquared * (1 / 360 - inverseSquared * (1 / 1260 - inverseSquared / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}
