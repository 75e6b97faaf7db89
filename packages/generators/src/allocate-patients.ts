import { largestRemainder, projectPopulation, type Scenario } from '@lm-synth/config/core';

/**
 * Patients per LHA x age group x gender cell (flattened in that order),
 * proportional to the start-year population by largest remainder: the cells
 * add up to `patients` exactly and every marginal is as close as integers allow.
 */
export function allocatePatients(scenario: Scenario, patients: number): Float64Array {
  const population = projectPopulation({ ...scenario, horizonYears: 1 }).population;
  return largestRemainder(patients, population);
}
