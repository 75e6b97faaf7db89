import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { ageGroupBirthRanges } from './age-group-birth-ranges.js';
import { allocatePatients } from './allocate-patients.js';
import { civilDate } from './civil-date.js';
import { BIRTH, cohortPlan } from './cohort-plan.js';
import { DobPools, RESIDENT_POOL } from './dob-pools.js';
import { migrantBirthDates } from './migrant-birth-dates.js';

/** How full the fullest group of patients is: its patients against the birth dates it may use. */
export interface QuasiIdentifierCapacity {
  readonly lha: string;
  readonly gender: string;
  /** The group: an age group of residents, or the births or in-migrants of a year. */
  readonly ageGroup: string;
  readonly patientsInCell: number;
  readonly birthDates: number;
  /** The requested count when it fits, else about the largest count that does. */
  readonly maxUniquePatients: number;
}

/** The capacity, with the in-migrants' dates of birth dealt for the requested count when they fit. */
export interface QuasiIdentifierPlan {
  readonly capacity: QuasiIdentifierCapacity;
  readonly migrantBirthDates: Int32Array | null;
}

interface Group {
  readonly lha: number;
  readonly gender: number;
  readonly label: string;
  readonly patients: number;
  readonly birthDates: number;
}

/**
 * Unique (date of birth, LHA, gender) needs every group of patients to hold no
 * more patients than it has birth dates (see DobPools): each resident cell
 * (LHA x age group x gender) its band's pool-0 dates at the reference date, each
 * year's births of an LHA x gender the pool-0 days of the year, each year's
 * in-migrants of an LHA x age group x gender their pool's dates. Groups never
 * share a date, so they are independent.
 */
export function quasiIdentifierCapacity(
  scenario: Scenario,
  patients: number,
  encounterYears: number,
  seed: number,
  /** Deal the in-migrants' dates too (only needed when unique quasi-identifiers are asked for). */
  withMigrants = true,
): QuasiIdentifierPlan {
  const A = AGE_GROUPS.length;
  const G = GENDERS.length;
  const L = scenario.lhas.length;
  const ranges = ageGroupBirthRanges(scenario.referenceDate);
  const reference = civilDate.parse(scenario.referenceDate);
  const yearFirst = (y: number) => civilDate.fromParts(scenario.startYear + y, 1, 1);
  const pools = new DobPools(seed, G, ranges[A - 1]!.first - 1, yearFirst(encounterYears));
  const minAges = buildDimAgeGroup().min_age;
  const poolDays = (lha: number, gender: number, pool: number, from: number, to: number) =>
    pools.days(lha, gender, pool, from, to).length;

  let dealt: Int32Array | null = null;
  const groupsOf = (count: number): Group[] => {
    const groups: Group[] = [];
    const allocation = allocatePatients(scenario, count);
    allocation.forEach((n, cell) => {
      const lha = Math.floor(cell / (A * G));
      const age = Math.floor((cell % (A * G)) / G);
      const range = ranges[age]!;
      groups.push({
        lha,
        gender: cell % G,
        label: AGE_GROUPS[age]!,
        patients: n,
        birthDates: poolDays(
          lha,
          cell % G,
          RESIDENT_POOL,
          range.first,
          range.first + range.count - 1,
        ),
      });
    });
    const cohort = cohortPlan(scenario, count, encounterYears);
    cohort.entrants.forEach((n, group) => {
      const cellsPerYear = L * A * G;
      if (n === 0 || Math.floor(group / cellsPerYear) % 2 !== BIRTH) return;
      const y = Math.floor(group / (2 * cellsPerYear));
      const cell = group % cellsPerYear;
      const lha = Math.floor(cell / (A * G));
      const gender = cell % G;
      const from = Math.max(yearFirst(y), reference + 1);
      groups.push({
        lha,
        gender,
        label: `births in ${scenario.startYear + y}`,
        patients: n,
        birthDates: poolDays(lha, gender, RESIDENT_POOL, from, yearFirst(y + 1) - 1),
      });
    });
    if (withMigrants) {
      const migrants = migrantBirthDates(scenario, cohort, pools, minAges, seed);
      if (!migrants.ok) groups.push(migrants);
      else if (count === patients) dealt = migrants.dates;
    }
    return groups;
  };
  const groups = groupsOf(patients);
  const fits = (count: number) => groupsOf(count).every((g) => g.patients <= g.birthDates);
  let fullest = groups[0]!;
  for (const group of groups) {
    if (
      group.patients / Math.max(group.birthDates, 1) >
      fullest.patients / Math.max(fullest.birthDates, 1)
    )
      fullest = group;
  }
  let maxUniquePatients = patients;
  if (fullest.patients > fullest.birthDates) {
    // Bisection to within 1% keeps fits(low) and !fits(high); largest remainder is not strictly
    // monotone in the total (the Alabama paradox), hence "about".
    let low = 0;
    let high = patients;
    while (high - low > Math.max(1, patients / 100)) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    maxUniquePatients = low;
  }
  return {
    capacity: {
      lha: scenario.lhas[fullest.lha]!.name,
      gender: GENDERS[fullest.gender]!,
      ageGroup: fullest.label,
      patientsInCell: fullest.patients,
      birthDates: fullest.birthDates,
      maxUniquePatients,
    },
    migrantBirthDates: dealt,
  };
}
