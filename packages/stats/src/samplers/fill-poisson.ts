import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { poisson } from './poisson.js';

/** Fills `out` with Poisson(lambda) draws. Returns `out`. */
export function fillPoisson<T extends NumericArray>(
  source: RandomSource,
  out: T,
  lambda: number,
): T {
  const draw = poisson(source)(lambda);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
