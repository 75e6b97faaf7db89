import {
  AGE_GROUPS,
  GENDERS,
  largestRemainder,
  projectPopulation,
  type Scenario,
} from '@lm-synth/config/core';

/**
 * Patients per LHA x age group x gender cell (flattened in that order),
 * proportional to the start-year population by largest remainder: the cells
 * add up to `patients` exactly and every marginal is as close as integers allow.
 */
export function allocatePatients(scenario: Scenario, patients: number): Float64Array {
  // The first projection year: the start-year population (the projection is cached per scenario).
  const cells = scenario.lhas.length * AGE_GROUPS.length * GENDERS.length;
  const population = projectPopulation(scenario).population.subarray(0, cells);
  return largestRemainder(patients, population);
}
