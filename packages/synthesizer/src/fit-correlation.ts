import { nearestCorrelation } from './nearest-correlation.js';

/**
 * The Gaussian copula's correlation: Pearson correlations of the columns' normal scores
 * (row-major d×d), repaired to the nearest positive definite correlation when needed.
 */
export function fitCorrelation(scores: readonly Float64Array[]): {
  matrix: Float64Array;
  repaired: boolean;
} {
  const d = scores.length;
  const n = scores[0]?.length ?? 0;
  const means = scores.map(
    (column) => column.reduce((sum, value) => sum + value, 0) / Math.max(1, n),
  );
  const matrix = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      const x = scores[a]!;
      const y = scores[b]!;
      for (let i = 0; i < n; i++) {
        const dx = x[i]! - means[a]!;
        const dy = y[i]! - means[b]!;
        sab += dx * dy;
        saa += dx * dx;
        sbb += dy * dy;
      }
      const r = a === b ? 1 : saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
      matrix[a * d + b] = r;
      matrix[b * d + a] = r;
    }
  return nearestCorrelation(matrix, d);
}
