import { weightTotal } from '../weight-total.js';
/** Walker's alias table: column i keeps itself with `probability[i]`, else is `alias[i]`. */
export interface AliasTable {
  readonly probability: Float64Array;
  readonly alias: Int32Array;
}

/**
 * Builds the alias table of a categorical distribution proportional to `weights` in O(n),
 * by Vose, "A linear algorithm for generating random numbers with a given distribution",
 * IEEE TSE 17(9) (1991), in its numerically stable form (leftover columns are kept whole).
 */
export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const size = weights.length;
  const total = weightTotal(weights);
  const scaled = new Float64Array(size);
  const small = new Int32Array(size);
  const large = new Int32Array(size);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < size; i++) {
    const value = (weights[i]! * size) / total;
    scaled[i] = value;
    if (value < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  const probability = new Float64Array(size);
  const alias = new Int32Array(size);
  while (smallCount > 0 && largeCount > 0) {
    const lesser = small[--smallCount]!;
    const greater = large[--largeCount]!;
    probability[lesser] = scaled[lesser]!;
    alias[lesser] = greater;
    const remaining = scaled[greater]! + scaled[lesser]! - 1;
    scaled[greater] = remaining;
    if (remaining < 1) small[smallCount++] = greater;
    else large[largeCount++] = greater;
  }
  // Whatever is left holds (up to rounding) exactly one column's worth of mass.
  while (largeCount > 0) {
    const column = large[--largeCount]!;
    probability[column] = 1;
    alias[column] = column;
  }
  while (smallCount > 0) {
    const column = small[--smallCount]!;
    probability[column] = 1;
    alias[column] = column;
  }
  return { probability, alias };
}
