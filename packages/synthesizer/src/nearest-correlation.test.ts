import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky.js';
import { nearestCorrelation } from './nearest-correlation.js';
import { symmetricEigen } from './symmetric-eigen.js';

describe('nearestCorrelation', () => {
  it('leaves a positive definite correlation as it is', () => {
    const matrix = Float64Array.of(1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1);
    const { matrix: out, repaired } = nearestCorrelation(matrix, 3);
    expect(repaired).toBe(false);
    expect(Array.from(out)).toEqual(Array.from(matrix));
  });

  it('repairs an indefinite one to a positive definite correlation close to it', () => {
    // Pairwise-consistent but jointly impossible: x≈y, y≈z, x≈-z.
    const matrix = Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1);
    expect(Math.min(...symmetricEigen(matrix, 3).values)).toBeLessThan(0);
    const { matrix: out, repaired } = nearestCorrelation(matrix, 3);
    expect(repaired).toBe(true);
    for (let i = 0; i < 3; i++) expect(out[i * 3 + i]).toBe(1);
    expect(Math.min(...symmetricEigen(out, 3).values)).toBeGreaterThan(0);
    expect(() => cholesky(out, 3)).not.toThrow();
    // Signs and order of the entries survive the repair.
    expect(out[1]!).toBeGreaterThan(0);
    expect(out[2]!).toBeLessThan(0);
  });
});
