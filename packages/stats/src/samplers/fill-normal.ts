import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { normal } from './normal.js';

/** Fills `out` with Normal(mu, sigma) draws. Returns `out`. */
export function fillNormal<T extends NumericArray>(
  source: RandomSource,
  out: T,
  mu = 0,
  sigma = 1,
): T {
  const draw = normal(source)(mu, sigma);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
