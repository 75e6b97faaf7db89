import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky.js';

describe('cholesky', () => {
  it('factors a positive definite matrix: L·Lᵀ gives it back', () => {
    const a = Float64Array.of(4, 2, 0.4, 2, 2, 0.5, 0.4, 0.5, 3);
    const l = cholesky(a, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(sum).toBeCloseTo(a[i * 3 + j]!, 12);
      }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/not positive definite/);
  });
});
