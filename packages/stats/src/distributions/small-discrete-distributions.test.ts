import { describe, expect, it } from 'vitest';
import { bernoulliDistribution } from './bernoulli-distribution.js';
import { categoricalDistribution } from './categorical-distribution.js';
import { uniformIntDistribution } from './uniform-int-distribution.js';

describe('small discrete distributions', () => {
  it('bernoulli', () => {
    const distribution = bernoulliDistribution(0.3);
    expect([distribution.pmf(0), distribution.pmf(1), distribution.pmf(2)]).toEqual([0.7, 0.3, 0]);
    expect([distribution.cdf(-1), distribution.cdf(0), distribution.cdf(1)]).toEqual([0, 0.7, 1]);
    expect([distribution.quantile(0.7), distribution.quantile(0.71)]).toEqual([0, 1]);
  });

  it('categorical skips zero-weight classes in its quantile', () => {
    const distribution = categoricalDistribution([2, 0, 1, 1]);
    expect(distribution.pmf(0)).toBe(0.5);
    expect(distribution.cdf(1)).toBe(0.5);
    expect([
      distribution.quantile(0.5),
      distribution.quantile(0.6),
      distribution.quantile(1),
    ]).toEqual([0, 2, 3]);
    expect(distribution.mean).toBe(1.25);
  });

  it('uniformInt', () => {
    const distribution = uniformIntDistribution(1, 6);
    expect([
      distribution.pmf(3),
      distribution.cdf(3),
      distribution.quantile(0.5),
      distribution.quantile(0.51),
    ]).toEqual([1 / 6, 0.5, 3, 4]);
    expect(distribution.variance).toBe(35 / 12);
  });
});
