import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { regularizedGammaP, regularizedGammaQ } from './regularized-gamma.js';

describe('regularized incomplete gamma', () => {
  // References: mpmath at 40 digits; both branches (series and continued fraction).
  it.each([
    [0.5, 0.1, 0.345279153981423],
    [0.5, 2, 0.9544997361036416],
    [3, 1, 0.08030139707139419],
    [3, 10, 0.9972306042844884],
    [100, 90, 0.15822098918643016],
    [100, 120, 0.9721362601094793],
    [1e4, 1e4, 0.5013298083399552],
    [0.01, 1e-5, 0.8963367982671973],
  ])('P(%d, %d) = %d', (a, x, expected) => {
    expectClose(regularizedGammaP(a, x), expected, 1e-12);
  });

  it.each([
    [3, 40, 3.572865928700226e-15],
    [100, 200, 1.843893649711574e-15],
    [0.5, 30, 9.485737571073848e-15],
  ])('Q(%d, %d) = %d keeps relative accuracy in the tail', (a, x, expected) => {
    expectClose(regularizedGammaQ(a, x), expected, 1e-12);
  });

  it('has P + Q = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 2e3, noNaN: true }),
        (a, x) => Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1) < 1e-13,
      ),
    );
  });

  it('handles the ends of its domain', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(regularizedGammaP(0, 1)).toBeNaN();
  });
});
