import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { truncatedLognormal } from './truncated-lognormal.js';

/** Fills `out` with Lognormal(mu, sigma) draws conditioned on [lower, upper]. Returns `out`. */
export function fillTruncatedLognormal<T extends NumericArray>(
  source: RandomSource,
  out: T,
  mu: number,
  sigma: number,
  lower: number,
  upper = Number.POSITIVE_INFINITY,
): T {
  const draw = truncatedLognormal(source)(mu, sigma, lower, upper);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
