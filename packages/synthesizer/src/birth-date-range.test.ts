import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears, birthDateRange } from './birth-date-range.js';

describe('birthDateRange', () => {
  it('holds exactly the birth dates of the age band on the day (leap days included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 20 }),
        (at, minAge, width) => {
          const maxAge = minAge + width;
          const [first, last] = birthDateRange(at, minAge, maxAge);
          expect(ageInYears(first, at)).toBe(maxAge);
          expect(ageInYears(first - 1, at)).toBe(maxAge + 1);
          expect(ageInYears(last, at)).toBe(minAge);
          if (last < at) expect(ageInYears(last + 1, at)).toBe(minAge - 1);
        },
      ),
    );
  });
});
