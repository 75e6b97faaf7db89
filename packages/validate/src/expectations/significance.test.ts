import { standardNormalCdf } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { significance } from './significance.js';

describe('significance', () => {
  it('splits the family-wise alpha over gates, checks and tails (Bonferroni)', () => {
    const { tail, z } = significance(0.01, 8, 36);
    expect(tail).toBeCloseTo(0.01 / 8 / 36 / 2, 15);
    expect(1 - standardNormalCdf(z)).toBeCloseTo(tail, 12);
    expect(significance(0.01, 8, 36, 1).tail).toBeCloseTo(2 * tail, 15);
  });

  it('grows z with the number of checks', () => {
    expect(significance(0.01, 8, 288).z).toBeGreaterThan(significance(0.01, 8, 3).z);
    // 288 marginal cells among 8 gates at alpha 0.01: tail 2.17e-6 per side, z = 4.594.
    expect(significance(0.01, 8, 288).z).toBeCloseTo(4.594, 3);
  });
});
