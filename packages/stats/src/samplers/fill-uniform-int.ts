import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { uniformInt } from './uniform-int.js';

/** Fills `out` with integers uniform on [min, maxInclusive]. Returns `out`. */
export function fillUniformInt<T extends NumericArray>(
  source: RandomSource,
  out: T,
  min: number,
  maxInclusive: number,
): T {
  const draw = uniformInt(source)(min, maxInclusive);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
