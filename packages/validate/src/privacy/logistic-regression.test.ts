import { createStream, normal } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { logisticRegression } from './logistic-regression.js';

describe('logisticRegression', () => {
  it('recovers the probabilities of a known model', () => {
    // logit p = -0.5 + 1.2 x, x ~ N(0, 1), 20,000 rows.
    const source = createStream(4, 'logistic-test', 0);
    const x = normal(source)(0, 1);
    const rows = 20_000;
    const design = new Float64Array(rows * 2);
    const y = new Uint8Array(rows);
    const truth = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const xi = x();
      design[2 * i] = 1;
      design[2 * i + 1] = xi;
      truth[i] = 1 / (1 + Math.exp(-(-0.5 + 1.2 * xi)));
      y[i] = source.next() < truth[i]! ? 1 : 0;
    }
    const fitted = logisticRegression(design, y, 2);
    // Coefficient SEs are about 0.02 at this size, so fitted probabilities stay within ~0.02.
    let worst = 0;
    for (let i = 0; i < rows; i++) worst = Math.max(worst, Math.abs(fitted[i]! - truth[i]!));
    expect(worst).toBeLessThan(0.03);
    // The score equations hold at the optimum: fitted and observed totals agree.
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
    expect(sum(fitted)).toBeCloseTo(sum(y), 0);
  });

  it('stays finite under complete separation', () => {
    const design = Float64Array.from([1, 0, 1, 0, 1, 1, 1, 1]);
    const fitted = logisticRegression(design, Uint8Array.from([0, 0, 1, 1]), 2);
    expect(Array.from(fitted).every(Number.isFinite)).toBe(true);
    expect(fitted[0]).toBeLessThan(0.01);
    expect(fitted[3]).toBeGreaterThan(0.99);
  });
});
