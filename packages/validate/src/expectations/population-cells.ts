import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';

/** One LHA x age group x gender cell of the start-year population. */
export interface PopulationCell {
  readonly lhaIndex: number;
  readonly ageIndex: number;
  readonly genderIndex: number;
  /** The scenario's start-year head count: base population x age share x gender share. */
  readonly population: number;
}

/** Every population cell of the scenario, LHA-major, in AGE_GROUPS and GENDERS order. */
export function populationCells(scenario: Scenario): PopulationCell[] {
  return scenario.lhas.flatMap((lha, lhaIndex) =>
    AGE_GROUPS.flatMap((_, ageIndex) =>
      GENDERS.map((_, genderIndex) => ({
        lhaIndex,
        ageIndex,
        genderIndex,
        population: lha.basePopulation * lha.ageShares[ageIndex]! * lha.genderShares[genderIndex]!,
      })),
    ),
  );
}
