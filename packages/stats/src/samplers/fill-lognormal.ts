import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { lognormal } from './lognormal.js';

/** Fills `out` with Lognormal(mu, sigma) draws. Returns `out`. */
export function fillLognormal<T extends NumericArray>(
  source: RandomSource,
  out: T,
  mu: number,
  sigma: number,
): T {
  const draw = lognormal(source)(mu, sigma);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
