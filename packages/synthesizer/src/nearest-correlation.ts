import { symmetricEigen } from './symmetric-eigen.js';

/** Smallest eigenvalue kept when repairing: the copula's Cholesky factor stays well conditioned. */
const MIN_EIGENVALUE = 1e-6;

/**
 * The correlation matrix nearest to `matrix` (row-major, d×d) that is positive definite:
 * eigenvalues below MIN_EIGENVALUE are raised to it and the result rescaled to a unit
 * diagonal (the eigenvalue-clipping repair Copulas applies). Pairwise-estimated correlations
 * of normal scores need it when columns are nearly collinear or estimated on different rows.
 * Returns the input unchanged (a copy) when it already is positive definite.
 */
export function nearestCorrelation(
  matrix: Float64Array,
  d: number,
): { matrix: Float64Array; repaired: boolean } {
  const symmetric = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      symmetric[i * d + j] = i === j ? 1 : (matrix[i * d + j]! + matrix[j * d + i]!) / 2;
  const { values, vectors } = symmetricEigen(symmetric, d);
  if (values.every((value) => value >= MIN_EIGENVALUE))
    return { matrix: symmetric, repaired: false };
  const clipped = values.map((value) => Math.max(value, MIN_EIGENVALUE));
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += vectors[i * d + k]! * clipped[k]! * vectors[j * d + k]!;
      out[i * d + j] = sum;
      out[j * d + i] = sum;
    }
  const scale = Float64Array.from({ length: d }, (_, i) => 1 / Math.sqrt(out[i * d + i]!));
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! * scale[i]! * scale[j]!;
  for (let i = 0; i < d; i++) out[i * d + i] = 1;
  return { matrix: out, repaired: true };
}
