import type { RandomSource } from '@lm-synth/stats';
import { normalScores } from './normal-scores.js';

/**
 * Normal scores of a column conditioned on a cell (conditional probability integral
 * transform): rows of a cell with its own marginal (`groups[i] >= 0`) are ranked within the
 * cell by `cellKeys`; the others (-1) among all rows by `keys`, as the unconditional marginal
 * they are sampled from. NaN keys are missing (independent draws).
 */
export function conditionalScores(
  keys: Float64Array,
  cellKeys: Float64Array,
  groups: Int32Array,
  random: RandomSource,
): Float64Array {
  const scores = normalScores(keys, random);
  const members = new Map<number, number[]>();
  groups.forEach((group, i) => {
    if (group >= 0 && !Number.isNaN(cellKeys[i]!)) {
      let list = members.get(group);
      if (!list) members.set(group, (list = []));
      list.push(i);
    }
  });
  for (const group of [...members.keys()].sort((a, b) => a - b)) {
    const rows = members.get(group)!;
    const within = normalScores(
      Float64Array.from(rows, (i) => cellKeys[i]!),
      random,
    );
    rows.forEach((i, k) => {
      scores[i] = within[k]!;
    });
  }
  return scores;
}
