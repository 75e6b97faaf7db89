import { civilDate } from './civil-date.js';

/** The dates of birth (days since the epoch) of everyone aged minAge..maxAge completed years at the reference date. */
export interface BirthDateRange {
  readonly first: number;
  readonly count: number;
}

/** The latest date of birth of someone at least `age` years old at `reference` (see civilDate.ageAt). */
function latestBirthDate(reference: number, age: number): number {
  const [year, month, day] = civilDate.toParts(reference);
  const birthYear = year - age;
  // 29 February of a common year does not exist: the 28th is the last such birthday.
  if (month === 2 && day === 29 && !civilDate.isLeapYear(birthYear)) {
    return civilDate.fromParts(birthYear, 2, 28);
  }
  return civilDate.fromParts(birthYear, month, day);
}

export function birthDateRange(reference: number, minAge: number, maxAge: number): BirthDateRange {
  const first = latestBirthDate(reference, maxAge + 1) + 1;
  const last = latestBirthDate(reference, minAge);
  return { first, count: last - first + 1 };
}
