import { describe, expect, it } from 'vitest';
import { regularizedBeta } from '../special/regularized-beta.js';
import { medianWithCi } from './median-with-ci.js';

describe('medianWithCi', () => {
  it('picks the order statistics of the binomial interval', () => {
    // n = 20: P(B <= 5) = 0.0207 <= 0.025 < P(B <= 6) = 0.0577, so ranks 6 and 15.
    const sample = Array.from({ length: 20 }, (_, i) => 20 - i);
    const result = medianWithCi(sample, 0.95);
    expect(result).toMatchObject({ median: 10.5, lower: 6, upper: 15 });
    expect(result.confidence).toBeCloseTo(1 - 2 * regularizedBeta(0.5, 15, 6), 14);
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('covers the median of a large sample at the requested level', () => {
    const sample = Array.from({ length: 100_001 }, (_, i) => i);
    const result = medianWithCi(sample, 0.99);
    expect(result.median).toBe(50_000);
    // Half-width ≈ z(0.995)·√n / 2 ≈ 407 ranks.
    expect(result.upper - result.median).toBeGreaterThan(400);
    expect(result.upper - result.median).toBeLessThan(415);
    expect(result.confidence).toBeGreaterThanOrEqual(0.99);
  });

  it('falls back to [min, max] with its lower coverage for tiny samples', () => {
    const result = medianWithCi([3, 1, 2], 0.95);
    expect(result).toMatchObject({ median: 2, lower: 1, upper: 3 });
    // 1 - 2·P(B = 0) = 1 - 2/8
    expect(result.confidence).toBeCloseTo(0.75, 14);
  });
});
