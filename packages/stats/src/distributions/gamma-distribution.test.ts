import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { gammaDistribution } from './gamma-distribution.js';

describe('gammaDistribution', () => {
  // References: scipy.stats.gamma.
  it.each([
    [0.3, 1, 0.01, 8.31300482839661, 0.27924099635901484],
    [2.5, 2, 4, 0.1439759107018348, 0.4505840486472198],
    [1000, 2, 2100, 0.0017915525631953203, 0.9413288886226819],
  ])('Gamma(%d, %d) at %d: pdf %d, cdf %d', (shape, scale, x, pdf, cdf) => {
    const distribution = gammaDistribution(shape, scale);
    expectClose(distribution.pdf(x), pdf, 1e-11);
    expectClose(distribution.cdf(x), cdf, 1e-11);
  });

  it.each([
    [0.05, 1, 0.5, 5.573878440746256e-7],
    [0.3, 1, 1e-6, 6.97269909640939e-21],
    [2.5, 2, 0.9, 9.236356899781123],
    [1000, 2, 0.01, 1855.816319593285],
    [1, 3, 0.999999, 41.446531673806554],
  ])('Gamma(%d, %d) quantile(%d) = %d', (shape, scale, p, x) => {
    expectClose(gammaDistribution(shape, scale).quantile(p), x, 1e-10);
  });

  it('quantile inverts the cdf', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (shape, p) =>
          Math.abs(gammaDistribution(shape).cdf(gammaDistribution(shape).quantile(p)) - p) < 1e-9,
      ),
    );
  });

  it('has the density limits at 0', () => {
    expect(gammaDistribution(0.5).pdf(0)).toBe(Number.POSITIVE_INFINITY);
    expect(gammaDistribution(1, 2).pdf(0)).toBe(0.5);
    expect(gammaDistribution(3).pdf(0)).toBe(0);
  });
});
