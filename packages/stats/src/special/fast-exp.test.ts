import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp } from './fast-exp.js';

describe('fastExp', () => {
  it('agrees with Math.exp to within 2 ulp over the normal range', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        return Math.abs(fastExp(x) - expected) <= 2 * 2 ** -52 * expected;
      }),
      { numRuns: 20_000 },
    );
  });

  it('is exact where exp is', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(fastExp(800)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExp(Number.NaN)).toBeNaN();
  });
});
