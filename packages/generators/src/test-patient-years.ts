import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config';
import { buildDimAgeGroup } from '@lm-synth/dims';
import type { Table } from 'apache-arrow';
import { civilDate } from './civil-date.js';
import { LocalClock } from './local-clock.js';
import { column } from './test-column.js';

/** One patient's stay in the cohort during one encounter year, as the generator models it. */
export interface PatientYear {
  readonly patient: number;
  /** 0-based encounter year. */
  readonly year: number;
  readonly age: number;
  /** Rates cell: age group and gender of the year, in the scenario's [lha][age][gender] arrays. */
  readonly lha: number;
  readonly gender: number;
  /** Local days present, [from, until). */
  readonly from: number;
  readonly until: number;
}

/**
 * Test helper: every patient-year of a generated dataset. A patient is present from entry
 * (1 January of the start year for residents) to the exit day inclusive; their age group in a
 * year is the one on its 1 January, or at entry in their entry year.
 */
export function patientYears(scenario: Scenario, patients: Table, years: number): PatientYear[] {
  const minAges = buildDimAgeGroup().min_age;
  const lha = column.numbers(patients, 'lha_id');
  const gender = column.labels(patients, 'gender');
  const dob = column.numbers(patients, 'dob');
  const entry = column.numbers(patients, 'entry_date');
  const reason = column.labels(patients, 'entry_reason');
  const exit = column.numbers(patients, 'exit_date');
  const ageGroup = column.labels(patients, 'age_group');
  const band = (age: number) => {
    let a = 0;
    while (a + 1 < AGE_GROUPS.length && age >= minAges[a + 1]!) a++;
    return a;
  };
  const out: PatientYear[] = [];
  for (let i = 0; i < patients.numRows; i++) {
    const entryYear =
      reason[i] === 'Resident' ? -1 : civilDate.toParts(entry[i]!)[0] - scenario.startYear;
    for (let y = 0; y < years; y++) {
      const first = civilDate.fromParts(scenario.startYear + y, 1, 1);
      const next = civilDate.fromParts(scenario.startYear + y + 1, 1, 1);
      const from = Math.max(first, entry[i]!);
      const until = Number.isNaN(exit[i]!) ? next : Math.min(next, exit[i]! + 1);
      if (from >= until) continue;
      const age =
        y === entryYear
          ? AGE_GROUPS.indexOf(ageGroup[i] as never)
          : band(Math.max(0, civilDate.ageAt(dob[i]!, first)));
      out.push({
        patient: i,
        year: y,
        age,
        lha: lha[i]! - 1,
        gender: GENDERS.indexOf(gender[i] as never),
        from,
        until,
      });
    }
  }
  return out;
}

/** The scenario's clock, for local days and hours of stored instants. */
export function scenarioClock(scenario: Scenario, years: number): LocalClock {
  const first = civilDate.fromParts(scenario.startYear - 1, 1, 1);
  return new LocalClock(
    scenario.timeZone,
    first - 1,
    civilDate.fromParts(scenario.startYear + years, 1, 1) + 1,
  );
}

/**
 * Share of a subservice's arrival weight (seasonality x weekday) on local days [from, until) of
 * one year, from prefix sums kept per year and subservice.
 */
export function arrivalWeightShare(scenario: Scenario) {
  const prefix = new Map<string, Float64Array>();
  return (subservice: number, from: number, until: number): number => {
    const year = civilDate.toParts(from)[0];
    const first = civilDate.fromParts(year, 1, 1);
    const key = `${year}:${subservice}`;
    let sums = prefix.get(key);
    if (!sums) {
      const days = civilDate.fromParts(year + 1, 1, 1) - first;
      sums = new Float64Array(days + 1);
      for (let d = 0; d < days; d++) {
        const day = first + d;
        sums[d + 1] =
          sums[d]! +
          scenario.ed.seasonality[subservice]![civilDate.toParts(day)[1] - 1]! *
            scenario.ed.weekdayProbabilities[subservice]![(((day + 3) % 7) + 7) % 7]!;
      }
      prefix.set(key, sums);
    }
    return (sums[until - first]! - sums[from - first]!) / sums[sums.length - 1]!;
  };
}
