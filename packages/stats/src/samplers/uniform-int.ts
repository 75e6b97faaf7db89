import { requireSafeInteger } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';

const TWO_POW_53 = 2 ** 53;

/**
 * Integers uniform on [min, maxInclusive], exactly: a 53-bit integer is drawn, rejected above
 * the largest multiple of the range, and divided into equal buckets so the high bits decide
 * (the division method surveyed by Lemire, "Fast random integer generation in an interval",
 * ACM TOMACS 29(1), 2019).
 */
export function uniformInt(source: RandomSource) {
  return (min: number, maxInclusive: number): (() => number) => {
    requireSafeInteger('min', min);
    requireSafeInteger('maxInclusive', maxInclusive);
    if (maxInclusive < min) {
      throw new RangeError(
        `maxInclusive must be >= min (got min=${min}, maxInclusive=${maxInclusive})`,
      );
    }
    const range = maxInclusive - min + 1;
    if (range > TWO_POW_53) {
      throw new RangeError(`maxInclusive - min must be < 2^53 (got ${maxInclusive - min})`);
    }
    if (range === 1) return () => min;
    const bucket = Math.floor(TWO_POW_53 / range);
    const limit = bucket * range;
    return () => {
      let x: number;
      do {
        x = source.next() * TWO_POW_53;
      } while (x >= limit);
      // x / bucket can round up to the next integer only when it is just below it.
      let quotient = Math.floor(x / bucket);
      if (quotient * bucket > x) quotient -= 1;
      return min + quotient;
    };
  };
}
