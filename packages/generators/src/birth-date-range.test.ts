import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';

describe('birthDateRange', () => {
  it('holds exactly the birth dates whose age at the reference date is in the band', () => {
    // Reference dates from 1904 to 2196, including 29 February and year ends.
    const reference = fc.integer({
      min: civilDate.parse('1904-01-01'),
      max: civilDate.parse('2196-12-31'),
    });
    fc.assert(
      fc.property(
        reference,
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 15 }),
        (at, minAge, width) => {
          const maxAge = minAge + width;
          const { first, count } = birthDateRange(at, minAge, maxAge);
          const last = first + count - 1;
          expect(civilDate.ageAt(first, at)).toBe(maxAge);
          expect(civilDate.ageAt(first - 1, at)).toBe(maxAge + 1);
          expect(civilDate.ageAt(last, at)).toBe(minAge);
          expect(civilDate.ageAt(last + 1, at)).toBe(minAge - 1);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('handles a reference date of 29 February', () => {
    const at = civilDate.parse('2024-02-29');
    const { first, count } = birthDateRange(at, 0, 4);
    expect(civilDate.format(first)).toBe('2019-03-01');
    expect(civilDate.format(first + count - 1)).toBe('2024-02-29');
    // Born 2023-02-28: one year old on 2024-02-28 already.
    expect(civilDate.ageAt(civilDate.parse('2023-02-28'), at)).toBe(1);
    expect(civilDate.ageAt(civilDate.parse('2023-03-01'), at)).toBe(0);
  });

  it('counts the days of a five-year band at the default reference date', () => {
    const { first, count } = birthDateRange(civilDate.parse('2025-01-01'), 0, 4);
    expect(civilDate.format(first)).toBe('2020-01-02');
    expect(count).toBe(1827);
  });
});
