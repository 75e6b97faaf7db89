import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { chiSquareTest } from './chi-square-test.js';

describe('chiSquareTest', () => {
  it('matches scipy.stats.chisquare', () => {
    const result = chiSquareTest([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
    expectClose(result.statistic, 3.5, 1e-14);
    expect(result.degreesOfFreedom).toBe(5);
    expectClose(result.pValue, 0.6233876277495822, 1e-12);
  });

  it('rescales expected probabilities to the observed total', () => {
    expect(chiSquareTest([10, 30], [0.25, 0.75])).toEqual(chiSquareTest([10, 30], [10, 30]));
  });

  it('is infinite with p = 0 when a bin expecting nothing is hit, and drops empty bins', () => {
    expect(chiSquareTest([5, 5, 1], [1, 1, 0]).pValue).toBe(0);
    expect(chiSquareTest([5, 5, 0], [1, 1, 0]).degreesOfFreedom).toBe(1);
  });

  it('rejects mismatched or negative input', () => {
    expect(() => chiSquareTest([1], [1, 2])).toThrow(RangeError);
    expect(() => chiSquareTest([1, -1], [1, 2])).toThrow(
      new RangeError('observed[1] must be a finite count >= 0 (got -1)'),
    );
  });
});
