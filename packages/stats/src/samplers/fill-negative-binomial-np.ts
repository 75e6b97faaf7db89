import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { negativeBinomialNP } from './negative-binomial-np.js';

/** Fills `out` with negative binomial draws in the (n, p) form. Returns `out`. */
export function fillNegativeBinomialNP<T extends NumericArray>(
  source: RandomSource,
  out: T,
  n: number,
  p: number,
): T {
  const draw = negativeBinomialNP(source)(n, p);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
