import { describe, expect, it } from 'vitest';
import { fillNormal } from '../samplers/fill-normal.js';
import { createStream } from '../streams/create-stream.js';
import { expectClose } from '../test-close.js';
import { ksTwoSample } from './ks-two-sample.js';
import { SAMPLE_A, SAMPLE_B } from './test-samples.js';

describe('ksTwoSample', () => {
  it('matches scipy.stats.ks_2samp(method="exact")', () => {
    const result = ksTwoSample(SAMPLE_A, SAMPLE_B);
    expectClose(result.statistic, 0.4666666666666667, 1e-12);
    expectClose(result.pValue, 0.0007170278335037072, 1e-9);
  });

  it('gives p = 1 for identical samples and handles ties', () => {
    expect(ksTwoSample([1, 2, 2, 3], [3, 2, 1, 2])).toEqual({ statistic: 0, pValue: 1 });
    expect(ksTwoSample([1, 1, 1], [1, 2]).statistic).toBe(0.5);
  });

  it('does not reject two large samples from one distribution', () => {
    const a = fillNormal(createStream(21, 'ks-two-sample', 0), new Float64Array(20_000));
    const b = fillNormal(createStream(21, 'ks-two-sample', 1), new Float64Array(30_000));
    expect(ksTwoSample(a, b).pValue).toBeGreaterThan(1e-4);
    const shifted = fillNormal(createStream(21, 'ks-two-sample', 2), new Float64Array(30_000), 0.1);
    expect(ksTwoSample(a, shifted).pValue).toBeLessThan(1e-6);
  });
});
