import {
  AGE_GROUPS,
  GENDERS,
  largestRemainder,
  projectPopulation,
  type Scenario,
} from '@lm-synth/config/core';

/** Entrant kinds, in the order of CohortPlan.entrants. */
export const BIRTH = 0;
export const IN_MIGRANT = 1;

/**
 * The open cohort of a run, fixed before any row is made. The first `baseline` patients are the
 * residents on 1 January of the start year; after them come the entrants of each encounter year,
 * group by group: births (age group 0-4) and in-migrants (by the age group they have on the next
 * 1 January), as many as the projection's expected flows times the sampling fraction, rounded
 * by largest remainder per year. Exits are drawn per patient from the projection's death and
 * out-migration rates, so each year's living residents follow the projection in expectation.
 */
export interface CohortPlan {
  /** Residents at the start: the `patients` option. */
  readonly baseline: number;
  /** Residents each patient stands for: start-year population / baseline. */
  readonly weight: number;
  /** Every patient, baseline plus entrants. */
  readonly total: number;
  /** Entrants per group [year][kind][lha][age group][gender] (births only in age group 0). */
  readonly entrants: Float64Array;
  /** Ordinal of each group's first patient (entrantStart[groups] = total). */
  readonly entrantStart: Float64Array;
  /** [year][lha][age group][gender]: per-person probability of dying / leaving during the year. */
  readonly deathRate: Float64Array;
  readonly outMigrationRate: Float64Array;
}

/** The cohort of `patients` residents over `encounterYears` years of the scenario. */
export function cohortPlan(
  scenario: Scenario,
  patients: number,
  encounterYears: number,
): CohortPlan {
  const projection = projectPopulation(scenario);
  const A = AGE_GROUPS.length;
  const G = GENDERS.length;
  const L = scenario.lhas.length;
  const cellsPerYear = L * A * G;
  let startPopulation = 0;
  for (let cell = 0; cell < cellsPerYear; cell++) startPopulation += projection.population[cell]!;
  const fraction = patients / startPopulation;
  const entrants = new Float64Array(encounterYears * 2 * cellsPerYear);
  for (let y = 0; y < encounterYears; y++) {
    const expected = new Float64Array(2 * cellsPerYear);
    for (let lha = 0; lha < L; lha++)
      for (let g = 0; g < G; g++) {
        expected[(BIRTH * L + lha) * A * G + g] = projection.births[(y * L + lha) * G + g]!;
      }
    expected.set(
      projection.inMigrants.subarray(y * cellsPerYear, (y + 1) * cellsPerYear),
      IN_MIGRANT * cellsPerYear,
    );
    let sum = 0;
    for (const value of expected) sum += value;
    const count = Math.round(sum * fraction);
    if (count > 0) entrants.set(largestRemainder(count, expected), y * 2 * cellsPerYear);
  }
  const entrantStart = new Float64Array(entrants.length + 1);
  entrantStart[0] = patients;
  for (let group = 0; group < entrants.length; group++)
    entrantStart[group + 1] = entrantStart[group]! + entrants[group]!;
  return {
    baseline: patients,
    weight: Math.round((startPopulation / patients) * 10_000) / 10_000,
    total: entrantStart[entrants.length]!,
    entrants,
    entrantStart,
    deathRate: projection.deathRate.slice(0, encounterYears * cellsPerYear),
    outMigrationRate: projection.outMigrationRate.slice(0, encounterYears * cellsPerYear),
  };
}
