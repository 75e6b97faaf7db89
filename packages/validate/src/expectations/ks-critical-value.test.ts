import { ksTwoSample } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { ksCriticalValue } from './ks-critical-value.js';

describe('ksCriticalValue', () => {
  it("is where Kolmogorov's limit puts the tail probability alpha", () => {
    // Two samples of 4,000 that differ by a shift chosen to land on the critical distance.
    const n = 4_000;
    const critical = ksCriticalValue(n, n, 1e-3);
    const a = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const b = a.map((x) => x + critical);
    const { statistic, pValue } = ksTwoSample(a, b);
    expect(statistic).toBeCloseTo(critical, 3);
    expect(pValue).toBeGreaterThan(0.5e-3);
    expect(pValue).toBeLessThan(2e-3);
  });

  it('shrinks as 1/sqrt(n)', () => {
    expect(ksCriticalValue(400, 400, 0.01) / ksCriticalValue(40_000, 40_000, 0.01)).toBeCloseTo(
      10,
      10,
    );
  });
});
