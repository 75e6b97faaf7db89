import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { standardNormalCdf } from './standard-normal-cdf.js';
import { standardNormalQuantile } from './standard-normal-quantile.js';

describe('standardNormalQuantile', () => {
  // References: mpmath at 40 digits (scipy's ndtri for 1e-300).
  it.each([
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798407],
    [1e-5, -4.264890793922825],
    [0.02425, -1.972961051311885],
    [0.3, -0.5244005127080408],
    [0.8, 0.8416212335729144],
    [0.975, 1.9599639845400538],
    [1 - 1e-10, 6.361340889697422],
  ])('Φ⁻¹(%d) = %d', (p, expected) => {
    expectClose(standardNormalQuantile(p), expected, 1e-14);
  });

  it('is 0 at 1/2, infinite at the ends and NaN outside [0, 1]', () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
    expect(standardNormalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(standardNormalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(standardNormalQuantile(1.1)).toBeNaN();
  });

  // Above z = 3, Φ(z) rounds close to 1 and the round trip loses digits however good Φ⁻¹ is.
  it('inverts Φ', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 3, noNaN: true }), (z) => {
        return (
          Math.abs(standardNormalQuantile(standardNormalCdf(z)) - z) <=
          1e-9 * Math.max(1, Math.abs(z))
        );
      }),
    );
  });
});
