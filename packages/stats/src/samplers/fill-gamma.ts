import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { gamma } from './gamma.js';

/** Fills `out` with Gamma(shape, scale) draws. Returns `out`. */
export function fillGamma<T extends NumericArray>(
  source: RandomSource,
  out: T,
  shape: number,
  scale = 1,
): T {
  const draw = gamma(source)(shape, scale);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
