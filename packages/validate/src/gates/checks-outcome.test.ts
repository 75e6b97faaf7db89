import { describe, expect, it } from 'vitest';
import { checksOutcome } from './checks-outcome.js';
import { checkExcess, makeCheck } from './make-check.js';

describe('makeCheck', () => {
  it('compares within, at least and at most', () => {
    expect(makeCheck('a', 10.5, 10, 0.5).passed).toBe(true);
    expect(makeCheck('a', 10.6, 10, 0.5).passed).toBe(false);
    expect(makeCheck('a', 9, 10, 0.5, 'at-least').passed).toBe(false);
    expect(makeCheck('a', 99, 10, 0.5, 'at-least').passed).toBe(true);
    expect(makeCheck('a', 10.4, 10, 0.5, 'at-most').passed).toBe(true);
    expect(makeCheck('a', -99, 10, 0.5, 'at-most').passed).toBe(true);
  });

  it('measures excess in tolerances', () => {
    expect(checkExcess(makeCheck('a', 12, 10, 1))).toBe(2);
    expect(checkExcess(makeCheck('a', 1, 0, 0))).toBe(Number.POSITIVE_INFINITY);
    expect(checkExcess(makeCheck('a', 0, 0, 0))).toBe(0);
  });
});

describe('checksOutcome', () => {
  it('fails on any failing check and reports the worst', () => {
    const outcome = checksOutcome(
      [makeCheck('fine', 10, 10, 1), makeCheck('bad', 14, 10, 1), makeCheck('worse', 3, 10, 1)],
      { z: 4.2, what: 'cells' },
    );
    expect(outcome).toMatchObject({ status: 'fail', observed: 3, expected: 10, tolerance: 1 });
    expect(outcome.message).toBe('2 of 3 cells out of tolerance; worst worse: 3 vs 10 ± 1');
    expect(outcome.details?.worst?.map((check) => check.key)).toEqual(['worse', 'bad']);
    expect(outcome.details?.z).toBe(4.2);
  });

  it('passes naming the closest call, and informs when there is nothing to check', () => {
    const outcome = checksOutcome([makeCheck('a', 10.2, 10, 1), makeCheck('b', 10.9, 10, 1)], {
      what: 'cells',
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toBe('all 2 cells within tolerance; closest b: 10.9 vs 10 ± 1');
    expect(checksOutcome([], { what: 'cells' })).toMatchObject({
      status: 'info',
      message: 'nothing to check: no cells in the dataset',
    });
  });
});
