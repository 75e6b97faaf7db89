import { describe, expect, it } from 'vitest';
import { normalDistribution } from '../distributions/normal-distribution.js';
import { uniformDistribution } from '../distributions/uniform-distribution.js';
import { fillUniform } from '../samplers/fill-uniform.js';
import { createStream } from '../streams/create-stream.js';
import { expectClose } from '../test-close.js';
import { kolmogorovSmirnovCdf } from './kolmogorov-smirnov-cdf.js';
import { kolmogorovSurvival } from './kolmogorov-survival.js';
import { ksOneSample } from './ks-one-sample.js';
import { SAMPLE_A } from './test-samples.js';

describe('ksOneSample', () => {
  it('matches scipy.stats.kstest(method="exact") on a small sample', () => {
    const result = ksOneSample(SAMPLE_A, normalDistribution().cdf);
    expectClose(result.statistic, 0.19251539531588702, 1e-12);
    expectClose(result.pValue, 0.08986354074817093, 1e-9);
  });

  it('uses the Stephens-corrected limit for large samples', () => {
    const sample = fillUniform(createStream(20, 'ks-one-sample', 0), new Float64Array(2000));
    const result = ksOneSample(sample, uniformDistribution().cdf);
    expect(result.pValue).toBe(
      kolmogorovSurvival((Math.sqrt(2000) + 0.12 + 0.11 / Math.sqrt(2000)) * result.statistic),
    );
  });

  it('rejects a clearly wrong model', () => {
    const sample = fillUniform(createStream(20, 'ks-one-sample', 1), new Float64Array(2000));
    expect(ksOneSample(sample, (x) => Math.min(1, Math.max(0, x)) ** 1.2).pValue).toBeLessThan(
      1e-6,
    );
  });

  it('rejects an empty sample and NaN', () => {
    expect(() => ksOneSample([], (x) => x)).toThrow(new RangeError('sample must not be empty'));
    expect(() => ksOneSample([0.1, Number.NaN], (x) => x)).toThrow(
      new RangeError('sample[1] is NaN'),
    );
  });
});

describe('Kolmogorov distributions', () => {
  // References: the same matrix power in mpmath at 50 digits (scipy.stats.kstwo is off at
  // n = 500 by 4e-8) and scipy.stats.kstwobign.sf.
  it.each([
    [10, 0.274, 0.6284796154565043],
    [100, 0.1, 0.7473072429936126],
    [500, 0.05, 0.84133736077938],
    [5, 0.6, 0.96992],
  ])('P(D_%d < %d) = %d', (n, d, expected) => {
    expectClose(kolmogorovSmirnovCdf(n, d), expected, 1e-9);
  });

  it('has Q_KS matching scipy.stats.kstwobign.sf on both sides of its switch', () => {
    expectClose(kolmogorovSurvival(0.03 * Math.sqrt(2000)), 0.05464633011386356, 1e-12);
    expectClose(kolmogorovSurvival(0.5), 0.9639452436648751, 1e-12);
    expect(kolmogorovSurvival(0)).toBe(1);
  });
});
