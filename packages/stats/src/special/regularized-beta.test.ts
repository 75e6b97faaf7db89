import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { regularizedBeta } from './regularized-beta.js';

describe('regularizedBeta', () => {
  // References: mpmath at 40 digits.
  it.each([
    [0.3, 2, 5, 0.5798249999999999],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.5, 500, 501, 0.5126125090891804],
    [0.01, 1, 100, 0.6339676587267705],
    [0.999, 50, 2, 0.9987659096068829],
  ])('I_%d(%d, %d) = %d', (x, a, b, expected) => {
    expectClose(regularizedBeta(x, a, b), expected, 1e-12);
  });

  it('satisfies I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    fc.assert(
      fc.property(
        // Away from the ends, where rounding 1 - x alone moves steep densities by more.
        fc.double({ min: 1e-3, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (x, a, b) => Math.abs(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a) - 1) < 1e-12,
      ),
    );
  });

  it('is 0 and 1 at the ends and NaN outside', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    expect(regularizedBeta(1.5, 2, 3)).toBeNaN();
  });
});
