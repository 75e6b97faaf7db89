import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { truncatedNormal } from './truncated-normal.js';

/** Fills `out` with Normal(mu, sigma) draws conditioned on [lower, upper]. Returns `out`. */
export function fillTruncatedNormal<T extends NumericArray>(
  source: RandomSource,
  out: T,
  mu: number,
  sigma: number,
  lower: number,
  upper = Number.POSITIVE_INFINITY,
): T {
  const draw = truncatedNormal(source)(mu, sigma, lower, upper);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
