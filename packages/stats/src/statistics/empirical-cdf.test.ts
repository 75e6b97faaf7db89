import { describe, expect, it } from 'vitest';
import { empiricalCdf } from './empirical-cdf.js';

describe('empiricalCdf', () => {
  it('counts values at or below x', () => {
    const cdf = empiricalCdf([3, 1, 2, 2]);
    expect([cdf(0), cdf(1), cdf(1.5), cdf(2), cdf(3), cdf(10)]).toEqual([
      0, 0.25, 0.25, 0.75, 1, 1,
    ]);
  });

  it('rejects an empty sample', () => {
    expect(() => empiricalCdf([])).toThrow(new RangeError('sample must not be empty'));
  });
});
