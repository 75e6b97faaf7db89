import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { pearson } from './pearson.js';

describe('pearson', () => {
  it('matches scipy.stats.pearsonr', () => {
    expectClose(pearson([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 7, 8]), 0.9014600868406593, 1e-14);
  });

  it('is ±1 for exact linear relations and NaN for a constant', () => {
    expectClose(pearson([1, 2, 3], [-2, -4, -6]), -1, 1e-15);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('rejects unequal lengths', () => {
    expect(() => pearson([1, 2], [1])).toThrow(
      new RangeError('x and y must have the same length (got 2 and 1)'),
    );
  });
});
