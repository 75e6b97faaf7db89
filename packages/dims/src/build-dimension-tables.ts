import type { Scenario } from '@lm-synth/config/core';
import { buildDimAgeGroup, type DimAgeGroupColumns } from './build-dim-age-group.js';
import { buildDimDate, type DimDateColumns } from './build-dim-date.js';
import { buildDimGender, type DimGenderColumns } from './build-dim-gender.js';
import { buildDimLha, type DimLhaColumns } from './build-dim-lha.js';
import { buildDimProgram, type DimProgramColumns } from './build-dim-program.js';
import { buildDimScenario, type DimScenarioColumns } from './build-dim-scenario.js';
import { buildDimSite, type DimSiteColumns } from './build-dim-site.js';
import { buildDimSubprogram, type DimSubprogramColumns } from './build-dim-subprogram.js';

/**
 * Every dimension table of the catalogue as columns keyed by catalogue column
 * name (in catalogue order): integers in typed arrays, dates as days since
 * the epoch, nullable integers as (number | null)[], strings and enums as string[].
 */
export interface DimensionTables {
  readonly dim_site: DimSiteColumns;
  readonly dim_program: DimProgramColumns;
  readonly dim_subprogram: DimSubprogramColumns;
  readonly dim_lha: DimLhaColumns;
  readonly dim_age_group: DimAgeGroupColumns;
  readonly dim_gender: DimGenderColumns;
  readonly dim_date: DimDateColumns;
  readonly dim_scenario: DimScenarioColumns;
}

/** Builds all dimension tables from a validated scenario; pure and deterministic. */
export function buildDimensionTables(scenario: Scenario): DimensionTables {
  return {
    dim_site: buildDimSite(scenario),
    dim_program: buildDimProgram(scenario),
    dim_subprogram: buildDimSubprogram(scenario),
    dim_lha: buildDimLha(scenario),
    dim_age_group: buildDimAgeGroup(),
    dim_gender: buildDimGender(),
    dim_date: buildDimDate(scenario),
    dim_scenario: buildDimScenario(scenario),
  };
}
