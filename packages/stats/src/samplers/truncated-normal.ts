import { requireFinite, requireNonNegative } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { truncatedStandardNormal } from './truncated-standard-normal.js';

/**
 * Normal(mu, sigma) conditioned on [lower, upper] (bounds inclusive; `upper` defaults to
 * +Infinity and `lower` may be -Infinity). Exact rejection sampling, see
 * truncated-standard-normal.ts; results never leave the bounds.
 */
export function truncatedNormal(source: RandomSource) {
  return (
    mu: number,
    sigma: number,
    lower: number,
    upper = Number.POSITIVE_INFINITY,
  ): (() => number) => {
    requireFinite('mu', mu);
    requireNonNegative('sigma', sigma);
    checkBounds(lower, upper);
    if (sigma === 0) {
      if (mu < lower || mu > upper) {
        throw new RangeError(`with sigma = 0, mu must lie in [lower, upper] (got mu=${mu})`);
      }
      return () => mu;
    }
    const z = truncatedStandardNormal(source, (lower - mu) / sigma, (upper - mu) / sigma);
    // Clamping only absorbs rounding in mu + sigma·z at the bounds.
    return () => Math.min(upper, Math.max(lower, mu + sigma * z()));
  };
}

function checkBounds(lower: number, upper: number): void {
  if (Number.isNaN(lower) || lower === Number.POSITIVE_INFINITY) {
    throw new RangeError(`lower must be a number < +Infinity (got ${String(lower)})`);
  }
  if (Number.isNaN(upper) || !(upper > lower)) {
    throw new RangeError(`upper must be > lower (got lower=${lower}, upper=${String(upper)})`);
  }
}
