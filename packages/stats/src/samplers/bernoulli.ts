import { requireProbability } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';

/** 1 with probability `p`, else 0. */
export function bernoulli(source: RandomSource) {
  return (p: number): (() => number) => {
    requireProbability('p', p);
    if (p === 0) return () => 0;
    if (p === 1) return () => 1;
    return () => (source.next() < p ? 1 : 0);
  };
}
