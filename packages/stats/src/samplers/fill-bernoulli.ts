import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { bernoulli } from './bernoulli.js';

/** Fills `out` with Bernoulli(p) draws (1 or 0). Returns `out`. */
export function fillBernoulli<T extends NumericArray>(source: RandomSource, out: T, p: number): T {
  const draw = bernoulli(source)(p);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
