import { sortedCopy } from './sorted-copy.js';

/** The empirical CDF of `sample`: x ↦ (number of values <= x) / n, by binary search. */
export function empiricalCdf(sample: ArrayLike<number>): (x: number) => number {
  const sorted = sortedCopy(sample);
  const n = sorted.length;
  if (n === 0) throw new RangeError('sample must not be empty');
  return (x) => {
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! <= x) low = middle + 1;
      else high = middle;
    }
    return low / n;
  };
}
