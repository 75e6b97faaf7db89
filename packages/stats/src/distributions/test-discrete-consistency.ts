import fc from 'fast-check';
import type { DiscreteDistribution } from './distribution.js';

/** quantile(p) is the smallest k with cdf(k) >= p. */
export function quantileInvertsCdf(distribution: DiscreteDistribution): void {
  fc.assert(
    fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
      const k = distribution.quantile(p);
      return distribution.cdf(k) >= p && distribution.cdf(k - 1) < p;
    }),
    { numRuns: 300 },
  );
}
