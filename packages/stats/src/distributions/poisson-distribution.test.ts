import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { poissonDistribution } from './poisson-distribution.js';
import { quantileInvertsCdf } from './test-discrete-consistency.js';

describe('poissonDistribution', () => {
  // References: scipy.stats.poisson.
  it.each([
    [0.4, 0, 0.6703200460356393, 0.6703200460356394],
    [0.4, 3, 0.007150080491046819, 0.999223748623793],
    [30, 25, 0.05111533742894147, 0.20835736466733296],
    [1000, 1050, 0.0035994904048021626, 0.9439711616363267],
    [1e6, 999_000, 0.0002420514151253467, 0.15877629981172567],
  ])('Poisson(%d) at %d: pmf %d, cdf %d', (lambda, k, pmf, cdf) => {
    const distribution = poissonDistribution(lambda);
    expectClose(distribution.pmf(k), pmf, 1e-9);
    expectClose(distribution.cdf(k), cdf, 1e-9);
  });

  it.each([
    [0.4, 0.5, 0],
    [30, 0.025, 20],
    [30, 0.975, 41],
    [1e6, 1e-6, 995_250],
  ])('Poisson(%d) quantile(%d) = %d', (lambda, p, k) => {
    expect(poissonDistribution(lambda).quantile(p)).toBe(k);
  });

  it.each([0.01, 7, 250])('quantile inverts the cdf for Poisson(%d)', (lambda) => {
    quantileInvertsCdf(poissonDistribution(lambda));
  });

  it('is a point mass at 0 for lambda = 0 and has zero mass off the integers', () => {
    expect(poissonDistribution(0).pmf(0)).toBe(1);
    expect(poissonDistribution(3).pmf(1.5)).toBe(0);
    expect(poissonDistribution(3).pmf(-1)).toBe(0);
  });
});
