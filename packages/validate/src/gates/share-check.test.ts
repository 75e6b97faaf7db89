import { describe, expect, it } from 'vitest';
import { shareCheck } from './share-check.js';

const level = { tail: 0.025, z: 1.96 };

describe('shareCheck', () => {
  it('holds a share to its sampling error', () => {
    const inside = shareCheck('x', 520, 500, 250, 1000, level, 100);
    expect(inside.check.passed).toBe(true);
    expect(inside.check.tolerance).toBeCloseTo(0.031, 2);
    expect(shareCheck('x', 540, 500, 250, 1000, level, 100).check.passed).toBe(false);
  });

  it('allows a single event where the expected count is tiny only as chance does', () => {
    // Binomial(100, 0.001): one event or more has probability 0.095 > 0.025.
    expect(shareCheck('x', 1, 0.1, 0.0999, 100, level, 1).check.passed).toBe(true);
    // Binomial(1000, 1e-6) exceeds one event with probability 5e-7: three fail at 1e-6.
    expect(shareCheck('x', 3, 0.001, 0.001, 1000, { tail: 1e-6, z: 4.75 }, 1).check.passed).toBe(
      false,
    );
  });

  it('is decisive only when the deviation clears the tolerance with 80% power', () => {
    expect(shareCheck('x', 500, 500, 250, 1000, level, 100).undetectable).toBeNull();
    const small = shareCheck('x', 50, 50, 25, 100, level, 10);
    expect(small.undetectable?.key).toMatch(/^x \(100 rows; decisive from ~\d{3}\)$/);
    expect(small.undetectable?.scale).toBeGreaterThan(1);
    // A defect of 0.04 expected events is invisible however small the tolerance.
    expect(shareCheck('x', 0, 1e-6, 1e-6, 2, level, 0.04).undetectable).not.toBeNull();
    expect(shareCheck('x', 0, 0, 0, 0, level, 0).undetectable?.key).toMatch(/never/);
  });
});
