import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { lognormalDistribution } from './lognormal-distribution.js';
import { normalDistribution } from './normal-distribution.js';
import { truncatedLognormalDistribution } from './truncated-lognormal-distribution.js';
import { truncatedNormalDistribution } from './truncated-normal-distribution.js';
import { uniformDistribution } from './uniform-distribution.js';

describe('continuous distributions', () => {
  it('lognormal matches scipy.stats.lognorm', () => {
    expectClose(lognormalDistribution(0, 1).pdf(2), 0.15687401927898112, 1e-14);
    expectClose(lognormalDistribution(0, 1).cdf(2), 0.7558914042144173, 1e-14);
    expectClose(lognormalDistribution(1.5, 0.5).cdf(3), 0.21105227504685115, 1e-14);
    expectClose(lognormalDistribution(1.5, 0.5).quantile(0.21105227504685115), 3, 1e-13);
  });

  it('normal matches its closed forms', () => {
    const distribution = normalDistribution(10, 2);
    expectClose(distribution.cdf(10 - 1.96 * 2), 0.024997895148220435, 1e-14);
    expectClose(distribution.quantile(0.975), 10 + 2 * 1.9599639845400538, 1e-15);
    expectClose(distribution.pdf(10), 1 / (2 * Math.sqrt(2 * Math.PI)), 1e-15);
  });

  // References: scipy.stats.truncnorm (cdf at x, quantile at 0.3, mean, variance).
  it.each([
    [
      0,
      1,
      0.5,
      Number.POSITIVE_INFINITY,
      1,
      0.4857829793205186,
      0.7858548057650253,
      1.1410777703680648,
      0.2684804071558784,
    ],
    [
      10,
      2,
      26,
      Number.POSITIVE_INFINITY,
      26.1,
      0.33455585084498746,
      26.087603305856113,
      26.24273622447236,
      0.057299533771149935,
    ],
    [
      1, 2, -1, 5, 0, 0.18309708152134452, 0.5151923642215461, 1.459274358182658,
      2.0790501568461357,
    ],
  ])(
    'truncated normal (%d, %d) on [%d, %d] matches scipy',
    (mu, sigma, lower, upper, x, cdf, quantile, mean, variance) => {
      const distribution = truncatedNormalDistribution(mu, sigma, lower, upper);
      expectClose(distribution.cdf(x), cdf, 1e-12);
      expectClose(distribution.quantile(0.3), quantile, 1e-12);
      expectClose(distribution.mean, mean, 1e-12);
      expectClose(distribution.variance, variance, 1e-10);
    },
  );

  it('truncated lognormal is the truncated normal on the log scale', () => {
    const onLog = truncatedNormalDistribution(Math.log(4), 0.9, Math.log(0.25));
    const distribution = truncatedLognormalDistribution(Math.log(4), 0.9, 0.25);
    expectClose(distribution.cdf(3), onLog.cdf(Math.log(3)), 1e-15);
    expectClose(distribution.quantile(0.7), Math.exp(onLog.quantile(0.7)), 1e-14);
    expect(distribution.cdf(0.25)).toBe(0);
    expect(distribution.quantile(0)).toBe(0.25);
  });

  it('uniform is flat on [min, max]', () => {
    const distribution = uniformDistribution(2, 6);
    expect([distribution.cdf(3), distribution.pdf(5), distribution.quantile(0.25)]).toEqual([
      0.25, 0.25, 3,
    ]);
    expect([distribution.mean, distribution.variance]).toEqual([4, 16 / 12]);
  });

  it('rejects bad parameters eagerly', () => {
    expect(() => normalDistribution(0, -1)).toThrow(
      new RangeError('sigma must be a finite number >= 0 (got -1)'),
    );
    expect(() => truncatedNormalDistribution(0, 1, 3, 2)).toThrow(
      new RangeError('upper must be > lower (got lower=3, upper=2)'),
    );
  });
});
