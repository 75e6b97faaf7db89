import { AGE_GROUPS, GENDERS, projectPopulation, type Scenario } from '@lm-synth/config/core';

/**
 * The demographic flows of the cohort-component projection, per calendar year of the
 * horizon (index 0 = the start year; events during that year), as @lm-synth/config's
 * projectPopulation returns them: births [year][LHA][gender]; in-migrants [year][LHA]
 * [age group][gender]; death and out-migration rates per resident and year [year][LHA]
 * [age group][gender]. Age groups and genders in AGE_GROUPS and GENDERS order.
 */
export interface PopulationFlows {
  readonly births: readonly (readonly (readonly number[])[])[];
  readonly inMigrants: readonly (readonly (readonly (readonly number[])[])[])[];
  readonly deathRate: readonly (readonly (readonly (readonly number[])[])[])[];
  readonly outMigrationRate: readonly (readonly (readonly (readonly number[])[])[])[];
}

/** The scenario's population flows, from the cohort-component projection the generator follows. */
export function populationFlows(scenario: Scenario): PopulationFlows | undefined {
  const projection = projectPopulation(scenario);
  const A = AGE_GROUPS.length;
  const G = GENDERS.length;
  const L = projection.lhaCount;
  const years = Array.from({ length: projection.years }, (_, y) => y);
  const lhas = Array.from({ length: L }, (_, l) => l);
  const cells = (flat: Float64Array) =>
    years.map((y) =>
      lhas.map((l) =>
        Array.from({ length: A }, (_, a) =>
          Array.from({ length: G }, (_, g) => flat[((y * L + l) * A + a) * G + g]!),
        ),
      ),
    );
  return {
    births: years.map((y) =>
      lhas.map((l) => Array.from({ length: G }, (_, g) => projection.births[(y * L + l) * G + g]!)),
    ),
    inMigrants: cells(projection.inMigrants),
    deathRate: cells(projection.deathRate),
    outMigrationRate: cells(projection.outMigrationRate),
  };
}
