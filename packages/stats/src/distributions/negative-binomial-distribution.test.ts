import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { negativeBinomialDistribution } from './negative-binomial-distribution.js';
import { negativeBinomialNPDistribution } from './negative-binomial-np-distribution.js';
import { poissonDistribution } from './poisson-distribution.js';
import { quantileInvertsCdf } from './test-discrete-consistency.js';

describe('negative binomial distributions', () => {
  // References: scipy.stats.nbinom(n, p).
  it.each([
    [2, 0.3, 4, 0.10804499999999996, 0.5798250000000003],
    [0.5, 0.9, 0, 0.9486832980505139, 0.9486832980505138],
    [0.5, 0.9, 3, 0.00029646353064078545, 0.9999714888513698],
    [50, 0.5, 70, 0.00575576716954674, 0.972610101543149],
  ])('NB(n %d, p %d) at %d: pmf %d, cdf %d', (n, p, k, pmf, cdf) => {
    const distribution = negativeBinomialNPDistribution(n, p);
    expectClose(distribution.pmf(k), pmf, 1e-10);
    expectClose(distribution.cdf(k), cdf, 1e-10);
  });

  it('matches the (n, p) form by mean and dispersion, also with p near 1', () => {
    // scipy.stats.nbinom(1e4, 1e4/(1e4 + 5)) at k = 7.
    const distribution = negativeBinomialDistribution({ mean: 5, dispersion: 1e4 });
    expectClose(distribution.pmf(7), 0.1044291977518601, 1e-9);
    expectClose(distribution.cdf(7), 0.8665761217703887, 1e-9);
    expectClose(distribution.variance, 5 + 25 / 1e4, 1e-12);
  });

  it('quantile matches scipy', () => {
    expect(negativeBinomialNPDistribution(2, 0.3).quantile(0.5)).toBe(4);
    expect(negativeBinomialDistribution({ mean: 3, dispersion: 0.1 }).quantile(0.99)).toBe(48);
  });

  it.each([
    { mean: 0.5, dispersion: 0.1 },
    { mean: 40, dispersion: 3 },
  ])('quantile inverts the cdf for %o', (parameters) => {
    quantileInvertsCdf(negativeBinomialDistribution(parameters));
  });

  it('is Poisson at dispersion = Infinity and a point mass at mean 0', () => {
    const limit = negativeBinomialDistribution({ mean: 4, dispersion: Number.POSITIVE_INFINITY });
    expect(limit.pmf(3)).toBe(poissonDistribution(4).pmf(3));
    expect(negativeBinomialDistribution({ mean: 0, dispersion: 2 }).cdf(0)).toBe(1);
  });
});
