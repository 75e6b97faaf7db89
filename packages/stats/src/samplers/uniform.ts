import { requireFinite } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';

/** Continuous uniform on [min, max). */
export function uniform(source: RandomSource) {
  return (min = 0, max = 1): (() => number) => {
    requireFinite('min', min);
    requireFinite('max', max);
    if (!(max >= min)) throw new RangeError(`max must be >= min (got min=${min}, max=${max})`);
    const width = max - min;
    if (width === 0) return () => min;
    return () => min + width * source.next();
  };
}
