import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays } from './civil-from-days.js';

describe('civilFromDays', () => {
  it('agrees with the proleptic Gregorian calendar of Date for ±2,700 years around 1970', () => {
    const out = new Int32Array(3);
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        civilFromDays(days, out);
        const date = new Date(days * 86_400_000);
        expect([...out]).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
      }),
    );
  });

  it('handles the epoch, leap days and the day before the epoch', () => {
    const out = new Int32Array(3);
    const at = (days: number) => {
      civilFromDays(days, out);
      return [...out];
    };
    expect(at(0)).toEqual([1970, 1, 1]);
    expect(at(-1)).toEqual([1969, 12, 31]);
    expect(at(Date.UTC(2024, 1, 29) / 86_400_000)).toEqual([2024, 2, 29]);
  });
});
