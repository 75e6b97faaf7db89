import { createStream, normal } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { fitCorrelation } from './fit-correlation.js';
import { normalScores } from './normal-scores.js';

/** n draws of (x, y) from a Gaussian copula with correlation rho, through given marginals. */
function copulaSample(n: number, rho: number, seed: number) {
  const draw = normal(createStream(seed, 'recovery', 0))();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = draw();
    const b = rho * a + Math.sqrt(1 - rho * rho) * draw();
    x[i] = Math.exp(0.8 * a); // lognormal
    y[i] = b ** 3 + 2; // a monotone but far from normal marginal
  }
  return { x, y };
}

describe('fitCorrelation over normalScores (parameter recovery)', () => {
  it('recovers a known copula correlation whatever the marginals, within sampling error', () => {
    const n = 20_000;
    for (const [rho, seed] of [
      [0.6, 1],
      [-0.35, 2],
      [0, 3],
    ] as const) {
      const { x, y } = copulaSample(n, rho, seed);
      const scores = [x, y].map((column, c) =>
        normalScores(column, createStream(seed, 'scores', c)),
      );
      const { matrix, repaired } = fitCorrelation(scores);
      expect(repaired).toBe(false);
      // Normal-scores correlation is efficient for a Gaussian copula: SE ≈ (1 - ρ²)/√n; allow 4.
      expect(Math.abs(matrix[1]! - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n));
    }
  });

  it('gives missing cells independent scores, so a column with gaps keeps its correlation on the rest', () => {
    const n = 20_000;
    const { x, y } = copulaSample(n, 0.7, 4);
    for (let i = 0; i < n; i += 2) y[i] = Number.NaN;
    const scores = [x, y].map((column, c) => normalScores(column, createStream(4, 'gaps', c)));
    // Half the rows carry the dependence: the correlation halves, within 4 standard errors.
    expect(Math.abs(fitCorrelation(scores).matrix[1]! - 0.35)).toBeLessThan(4 / Math.sqrt(n));
  });
});
