import type { RandomSource } from '../streams/random-source.js';
import { type AliasTable, aliasTable } from './alias-table.js';

/**
 * Category index in [0, n) with probability proportional to `weights` (or a prebuilt
 * {@link AliasTable}), in O(1) per draw by Walker's alias method with Vose's table. One
 * 53-bit uniform gives both the column (high bits) and the coin (the rest).
 */
export function categorical(source: RandomSource) {
  return (weights: ArrayLike<number> | AliasTable): (() => number) => {
    const { probability, alias } = isAliasTable(weights) ? weights : aliasTable(weights);
    const size = probability.length;
    if (size === 1) return () => 0;
    return () => {
      const scaled = source.next() * size;
      const column = scaled | 0;
      return scaled - column < probability[column]! ? column : alias[column]!;
    };
  };
}

function isAliasTable(value: ArrayLike<number> | AliasTable): value is AliasTable {
  return 'probability' in value && 'alias' in value;
}
