import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import { createStream } from '@lm-synth/stats';
import { OLDEST_AGE } from './age-group-birth-ranges.js';
import { birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';
import { BIRTH, type CohortPlan } from './cohort-plan.js';
import { type DobPools, MIGRANT_POOL } from './dob-pools.js';

/** Dates of birth of the in-migrants, or the first group that ran out of dates. */
export type MigrantBirthDates =
  | { readonly ok: true; readonly dates: Int32Array }
  | {
      readonly ok: false;
      readonly lha: number;
      readonly gender: number;
      readonly label: string;
      readonly patients: number;
      readonly birthDates: number;
    };

/**
 * Deals unique dates of birth from the migrant pool to every in-migrant, before generation:
 * group by group in cohort order (year, then LHA, age group, gender), each takes a seeded
 * random sample of the pool's days in its birth range that earlier groups left free. Ranges of
 * different years overlap, so one shared ledger per LHA x gender keeps them apart. `dates` is
 * indexed by ordinal - cohort.baseline (births' entries unused).
 */
export function migrantBirthDates(
  scenario: Scenario,
  cohort: CohortPlan,
  pools: DobPools,
  minAges: ArrayLike<number>,
  seed: number,
): MigrantBirthDates {
  const A = AGE_GROUPS.length;
  const G = GENDERS.length;
  const L = scenario.lhas.length;
  const cellsPerYear = L * A * G;
  const dates = new Int32Array(cohort.total - cohort.baseline);
  // Per LHA x gender, the days already dealt, as a bitmap over the pools' span.
  const taken = new Map<number, Uint8Array>();
  const span = pools.lastDay - pools.firstDay + 1;
  let free = new Int32Array(256);
  for (let group = 0; group < cohort.entrants.length; group++) {
    const count = cohort.entrants[group]!;
    if (count === 0 || Math.floor(group / cellsPerYear) % 2 === BIRTH) continue;
    const y = Math.floor(group / (2 * cellsPerYear));
    const cell = group % cellsPerYear;
    const lha = Math.floor(cell / (A * G));
    const gender = cell % G;
    const age = Math.floor((cell % (A * G)) / G);
    const next = civilDate.fromParts(scenario.startYear + y + 1, 1, 1);
    const maxAge = age + 1 < A ? minAges[age + 1]! - 1 : OLDEST_AGE;
    const range = birthDateRange(next, minAges[age]!, maxAge);
    const last = Math.min(range.first + range.count - 1, next - 1);
    const key = lha * G + gender;
    let used = taken.get(key);
    if (!used) taken.set(key, (used = new Uint8Array(span)));
    const days = pools.days(lha, gender, MIGRANT_POOL, range.first, last);
    if (free.length < days.length) free = new Int32Array(days.length);
    let freeCount = 0;
    for (const day of days) if (used[day - pools.firstDay] === 0) free[freeCount++] = day;
    if (freeCount < count) {
      return {
        ok: false,
        lha,
        gender,
        label: `${AGE_GROUPS[age]} in-migrants in ${scenario.startYear + y}`,
        patients: count,
        birthDates: freeCount,
      };
    }
    // A partial Fisher-Yates shuffle draws `count` of the free days.
    const stream = createStream(seed, 'in-migrant-birth-dates', group);
    const first = cohort.entrantStart[group]! - cohort.baseline;
    for (let k = 0; k < count; k++) {
      const pick = k + Math.floor(stream.next() * (freeCount - k));
      const day = free[pick]!;
      free[pick] = free[k]!;
      free[k] = day;
      used[day - pools.firstDay] = 1;
      dates[first + k] = day;
    }
  }
  return { ok: true, dates };
}
