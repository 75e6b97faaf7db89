import type { Scenario } from '@lm-synth/config/core';

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

/**
 * The scenario's population flows, or undefined where this build has no cohort-component
 * projection: the one place the cohort-balance gate learns them. With projectPopulation
 * in @lm-synth/config, this returns `projectPopulation(scenario)`.
 */
export function populationFlows(_scenario: Scenario): PopulationFlows | undefined {
  return undefined;
}
