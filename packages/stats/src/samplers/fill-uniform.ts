import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { uniform } from './uniform.js';

/** Fills `out` with uniform draws on [min, max). Returns `out`. */
export function fillUniform<T extends NumericArray>(
  source: RandomSource,
  out: T,
  min = 0,
  max = 1,
): T {
  const draw = uniform(source)(min, max);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
