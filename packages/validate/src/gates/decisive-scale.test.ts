import { describe, expect, it } from 'vitest';
import { decisiveScale } from './decisive-scale.js';

describe('decisiveScale', () => {
  it('is 1 for a check decisive already', () => {
    expect(decisiveScale(() => true)).toBe(1);
  });

  it('finds the factor at which a sampling error shrinking as 1/sqrt(c) gets below the bound', () => {
    // Relative error 0.4 at this size, decisive once 0.4 / sqrt(c) <= 0.05: c = 64.
    const scale = decisiveScale((c) => 0.4 / Math.sqrt(c) <= 0.05);
    expect(scale).toBeGreaterThanOrEqual(64);
    expect(scale).toBeLessThanOrEqual(64 * 1.01);
  });

  it('is Infinity when no size helps', () => {
    expect(decisiveScale(() => false)).toBe(Number.POSITIVE_INFINITY);
  });
});
