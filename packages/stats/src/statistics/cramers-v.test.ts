import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { cramersV } from './cramers-v.js';

describe('cramersV', () => {
  it('matches scipy.stats.contingency.association(method="cramer")', () => {
    expectClose(
      cramersV([
        [10, 20, 30],
        [20, 15, 5],
      ]),
      0.43186564636231084,
      1e-14,
    );
  });

  it('is 0 for independence, 1 for a perfect association, NaN with one category', () => {
    expect(
      cramersV([
        [10, 20],
        [20, 40],
      ]),
    ).toBe(0);
    expectClose(
      cramersV([
        [10, 0],
        [0, 7],
      ]),
      1,
      1e-15,
    );
    expect(cramersV([[10, 20]])).toBeNaN();
  });
});
