import { civilFromDays } from '@lm-synth/dims';

const a = new Int32Array(3);
const b = new Int32Array(3);

/** Completed years of age on day `at` of someone born on day `dob` (validate's rule). */
export function ageInYears(dob: number, at: number): number {
  civilFromDays(dob, a);
  civilFromDays(at, b);
  const later = a[1]! > b[1]! || (a[1] === b[1] && a[2]! > b[2]!);
  return b[0]! - a[0]! - (later ? 1 : 0);
}

const DAY_MS = 86_400_000;

/** The day `years` calendar years before `day` (29 February rolls to 1 March). */
function yearsBefore(day: number, years: number): number {
  civilFromDays(day, b);
  return Date.UTC(b[0]! - years, b[1]! - 1, b[2]!) / DAY_MS;
}

/**
 * The first and last birth dates (days since 1970-01-01) of someone aged `minAge` to
 * `maxAge` completed years on day `at`: the dates that keep DOB consistent with the age
 * group. Leap days are settled by checking the age itself.
 */
export function birthDateRange(at: number, minAge: number, maxAge: number): [number, number] {
  let last = yearsBefore(at, minAge);
  while (ageInYears(last, at) < minAge) last--;
  while (ageInYears(last + 1, at) >= minAge && last + 1 <= at) last++;
  let first = yearsBefore(at, maxAge + 1) + 1;
  while (ageInYears(first, at) > maxAge) first++;
  while (ageInYears(first - 1, at) <= maxAge) first--;
  return [first, Math.min(last, at)];
}
