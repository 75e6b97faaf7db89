import { describe, expect, it } from 'vitest';
import { totalVariationDistance } from './total-variation-distance.js';

describe('totalVariationDistance', () => {
  it('is half the L1 distance between normalised vectors', () => {
    expect(totalVariationDistance([0.5, 0.5], [0.25, 0.75])).toBe(0.25);
    expect(totalVariationDistance([10, 10], [1, 3])).toBe(0.25);
    expect(totalVariationDistance([1, 0], [0, 1])).toBe(1);
  });

  it('rejects mismatched lengths and empty mass', () => {
    expect(() => totalVariationDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => totalVariationDistance([0, 0], [1, 2])).toThrow(
      new RangeError('p must have a positive sum'),
    );
  });
});
