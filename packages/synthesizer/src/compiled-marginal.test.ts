import { createStream, ksOneSample, lognormal, standardNormalCdf } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { compileMarginal } from './compiled-marginal.js';
import { fitFrequencyMarginal } from './fit-frequency-marginal.js';
import { fitQuantileMarginal } from './fit-quantile-marginal.js';

describe('compileMarginal', () => {
  it('recovers a known continuous marginal: draws through the fitted quantile function pass a KS test', () => {
    const draw = lognormal(createStream(1, 'marginal', 0))(0.5, 0.6);
    const training = Float64Array.from({ length: 50_000 }, draw);
    const marginal = compileMarginal(fitQuantileMarginal(training, 0));
    const uniform = createStream(1, 'marginal-u', 0);
    const sample = Float64Array.from({ length: 5_000 }, () => marginal.value(uniform.next()));
    const cdf = (x: number) => (x <= 0 ? 0 : standardNormalCdf((Math.log(x) - 0.5) / 0.6));
    // The fitted marginal's own error (knots, 50,000 draws) is far below the test's power at 5,000.
    expect(ksOneSample(sample, cdf).pValue).toBeGreaterThan(0.001);
  });

  it('keeps values to their step within the training support', () => {
    const marginal = compileMarginal(
      fitQuantileMarginal(Float64Array.of(0.25, 0.5, 1.37, 12), 0.01),
    );
    const uniform = createStream(2, 'steps', 0);
    for (let i = 0; i < 1_000; i++) {
      const value = marginal.value(uniform.next());
      expect(value).toBeGreaterThanOrEqual(0.25);
      expect(value).toBeLessThanOrEqual(12);
      expect(Math.round(value * 100) / 100).toBe(value);
    }
  });

  it('samples categories in proportion to their training frequencies (frequency intervals)', () => {
    const values = [...Array(600).fill('a'), ...Array(300).fill('b'), ...Array(100).fill(null)];
    const marginal = compileMarginal(fitFrequencyMarginal(values, false));
    expect(marginal.categories).toEqual(['a', 'b', null]);
    const uniform = createStream(3, 'categories', 0);
    const n = 20_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[marginal.index(uniform.next())]!++;
    [0.6, 0.3, 0.1].forEach((p, i) => {
      expect(Math.abs(counts[i]! / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('leaves out text categories seen fewer than the minimum count', () => {
    const marginal = fitFrequencyMarginal(['x', 'x', 'x', 'rare'], false, 2);
    expect(marginal.kind === 'frequency' && marginal.values).toEqual(['x']);
  });
});
