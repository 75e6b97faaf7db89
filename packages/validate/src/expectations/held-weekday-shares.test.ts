import { describe, expect, it } from 'vitest';
import { heldWeekdayShares } from './held-weekday-shares.js';

describe('heldWeekdayShares', () => {
  it('is uniform when every weekday keeps its discharges', () => {
    for (const share of heldWeekdayShares([1, 1, 1, 1, 1, 1, 1])) expect(share).toBeCloseTo(1 / 7);
  });

  it('moves a weekend with no discharges to Monday', () => {
    const shares = heldWeekdayShares([1, 1, 1, 1, 1, 0, 0]);
    expect(shares[5]).toBe(0);
    expect(shares[6]).toBe(0);
    expect(shares[0]).toBeCloseTo(3 / 7);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('keeps half of Saturday and passes the rest on', () => {
    const shares = heldWeekdayShares([1, 1, 1, 1, 1, 0.5, 1]);
    expect(shares[5]).toBeCloseTo(0.5 / 7);
    expect(shares[6]).toBeCloseTo(1.5 / 7);
  });
});
