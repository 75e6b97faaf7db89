import {
  AGE_GROUPS,
  GENDERS,
  largestRemainder,
  projectPopulation,
  type Scenario,
} from '@lm-synth/config/core';
import { ageGroupBirthRanges } from './age-group-birth-ranges.js';

/** How full the fullest LHA x gender x age group cell is: its patients against the birth dates its age band allows. */
export interface QuasiIdentifierCapacity {
  readonly lha: string;
  readonly gender: string;
  readonly ageGroup: string;
  readonly patientsInCell: number;
  readonly birthDates: number;
  /** The requested count when it fits, else about the largest count that does (found by bisection). */
  readonly maxUniquePatients: number;
}

/**
 * Unique (date of birth, LHA, gender) needs every cell to hold no more patients
 * than its age band has birth dates (bands do not overlap, so cells are
 * independent). Cells are allocated as in allocatePatients.
 */
export function quasiIdentifierCapacity(
  scenario: Scenario,
  patients: number,
): QuasiIdentifierCapacity {
  const population = projectPopulation({ ...scenario, horizonYears: 1 }).population;
  const birthDates = ageGroupBirthRanges(scenario.referenceDate).map((range) => range.count);
  const cellsPerLha = AGE_GROUPS.length * GENDERS.length;
  const ageOf = (cell: number) => Math.floor((cell % cellsPerLha) / GENDERS.length);
  const fits = (count: number) =>
    largestRemainder(count, population).every((n, cell) => n <= birthDates[ageOf(cell)]!);

  const allocation = largestRemainder(patients, population);
  let fullest = 0;
  allocation.forEach((n, cell) => {
    if (n / birthDates[ageOf(cell)]! > allocation[fullest]! / birthDates[ageOf(fullest)]!)
      fullest = cell;
  });
  let maxUniquePatients = patients;
  if (!fits(patients)) {
    // Bisection keeps fits(low) and !fits(high); largest remainder is not strictly monotone in
    // the total (the Alabama paradox), so the boundary found is the largest fit up to a few patients.
    let low = 0;
    let high = patients;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    maxUniquePatients = low;
  }
  const lhaIndex = Math.floor(fullest / cellsPerLha);
  const ageIndex = ageOf(fullest);
  return {
    lha: scenario.lhas[lhaIndex]!.name,
    gender: GENDERS[fullest % GENDERS.length]!,
    ageGroup: AGE_GROUPS[ageIndex]!,
    patientsInCell: allocation[fullest]!,
    birthDates: birthDates[ageIndex]!,
    maxUniquePatients,
  };
}
