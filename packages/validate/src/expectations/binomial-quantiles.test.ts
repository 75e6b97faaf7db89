import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialQuantiles } from './binomial-quantiles.js';

/** P(X <= k) by summing the probability mass function, in log space. */
function cdfBySummation(n: number, p: number, k: number): number {
  let logCoefficient = 0;
  let total = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logCoefficient += Math.log((n - i + 1) / i);
    total += Math.exp(logCoefficient + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return total;
}

describe('binomialQuantiles', () => {
  it('is the smallest k whose CDF reaches q', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (n, p, q) => {
          const k = binomialQuantiles(n, p).quantile(q);
          expect(cdfBySummation(n, p, k)).toBeGreaterThanOrEqual(q - 1e-9);
          if (k > 0) expect(cdfBySummation(n, p, k - 1)).toBeLessThan(q + 1e-9);
        },
      ),
    );
  });

  it('handles degenerate cases', () => {
    expect(binomialQuantiles(0, 0.5).quantile(0.5)).toBe(0);
    expect(binomialQuantiles(10, 0).quantile(0.999)).toBe(0);
    expect(binomialQuantiles(10, 1).quantile(0.001)).toBe(10);
  });

  it('agrees with the normal approximation for a large n', () => {
    // n = 10^6, p = 0.3: mean 300,000, sd 458.3; the 0.99865 quantile is about mean + 3 sd.
    const k = binomialQuantiles(1_000_000, 0.3).quantile(0.99865);
    expect(Math.abs(k - (300_000 + 3 * 458.26))).toBeLessThan(5);
  });
});
