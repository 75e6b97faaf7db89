import { OLDEST_AGE } from '@lm-synth/config/core';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { type BirthDateRange, birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';

export { OLDEST_AGE };

/** Per age group (AGE_GROUPS order), the dates of birth consistent with it at the reference date (YYYY-MM-DD). */
export function ageGroupBirthRanges(referenceDate: string): BirthDateRange[] {
  const reference = civilDate.parse(referenceDate);
  const { min_age, max_age } = buildDimAgeGroup();
  return max_age.map((maxAge, index) =>
    birthDateRange(reference, min_age[index]!, maxAge ?? OLDEST_AGE),
  );
}
