import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import type { AliasTable } from './alias-table.js';
import { categorical } from './categorical.js';

/** Fills `out` with category indices drawn proportionally to `weights`. Returns `out`. */
export function fillCategorical<T extends NumericArray>(
  source: RandomSource,
  out: T,
  weights: ArrayLike<number> | AliasTable,
): T {
  const draw = categorical(source)(weights);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
