import {
  ADMISSION_SOURCES,
  ED_DISPOSITIONS,
  ENTRY_REASONS,
  EXIT_REASONS,
} from '@lm-synth/config/core';
import { buildDimAgeGroup, tableByName } from '@lm-synth/dims';
import { ageGroupBirthRanges } from './age-group-birth-ranges.js';
import { allocatePatients } from './allocate-patients.js';
import type { BirthDateRange } from './birth-date-range.js';
import type { CohortPlan } from './cohort-plan.js';
import { edFacilityShares } from './ed-facility-shares.js';
import type { ResolvedGenerateOptions } from './generate-options.js';
import type { DatasetPlan } from './plan-dataset.js';

/**
 * Everything a GeneratorContext is built from, resolved on the calling thread
 * and sent to worker threads as plain data, so that workers load only the
 * sampling code (not the config, catalogue or Arrow modules).
 */
export interface GeneratorSettings {
  readonly scenario: DatasetPlan['scenario'];
  readonly options: ResolvedGenerateOptions;
  /** Patients per LHA x age group x gender cell (allocatePatients). */
  readonly allocation: Float64Array;
  /** Per age group, the dates of birth consistent with it (ageGroupBirthRanges). */
  readonly birthRanges: readonly BirthDateRange[];
  /** Per age group, its youngest age in completed years. */
  readonly minAges: readonly number[];
  /** The open cohort: residents, entrants and exit rates. */
  readonly cohort: CohortPlan;
  /** In-migrants' unique dates of birth by ordinal - cohort.baseline (uniqueQuasiIdentifiers only). */
  readonly migrantBirthDates: Int32Array | null;
  /** IANA time zone of the scenario's wall-clock profiles. */
  readonly timeZone: string;
  /** [home site][subservice][facility] -> probability (edFacilityShares). */
  readonly edFacilityShares: readonly (readonly (readonly number[])[])[];
  /** The longest stay ip_stays.los_days can hold (its DECIMAL(p, s) maximum): LOS is truncated there. */
  readonly maxLosDays: number;
  /** Positions in ED_DISPOSITIONS and ADMISSION_SOURCES the rows use. */
  readonly codes: {
    readonly admitted: number;
    readonly transferred: number;
    readonly deceased: number;
    readonly discharged: number;
    readonly resident: number;
    readonly birth: number;
    readonly inMigration: number;
    readonly death: number;
    readonly outMigration: number;
    readonly fromEd: number;
    readonly direct: number;
    readonly transfer: number;
    readonly elective: number;
  };
}

function decimalMaximum(table: string, column: string): number {
  const type = tableByName(table).columns.find((c) => c.name === column)?.type;
  if (type?.kind !== 'decimal') throw new Error(`${table}.${column} is not a decimal column`);
  return 10 ** (type.precision - type.scale) - 10 ** -type.scale;
}

export function generatorSettings(plan: DatasetPlan): GeneratorSettings {
  const { scenario, options } = plan;
  const birthRanges = ageGroupBirthRanges(scenario.referenceDate);
  const minAges = Array.from(buildDimAgeGroup().min_age);
  const { cohort } = plan;
  const migrants = plan.migrantBirthDates;
  return {
    scenario,
    options,
    allocation: allocatePatients(scenario, options.patients),
    birthRanges,
    minAges,
    cohort,
    migrantBirthDates: migrants,
    timeZone: scenario.timeZone,
    edFacilityShares: edFacilityShares(scenario),
    maxLosDays: decimalMaximum('ip_stays', 'los_days'),
    codes: {
      admitted: ED_DISPOSITIONS.indexOf('Admitted'),
      transferred: ED_DISPOSITIONS.indexOf('Transferred'),
      deceased: ED_DISPOSITIONS.indexOf('Deceased'),
      discharged: ED_DISPOSITIONS.indexOf('Discharged'),
      resident: ENTRY_REASONS.indexOf('Resident'),
      birth: ENTRY_REASONS.indexOf('Birth'),
      inMigration: ENTRY_REASONS.indexOf('In-migration'),
      death: EXIT_REASONS.indexOf('Death'),
      outMigration: EXIT_REASONS.indexOf('Out-migration'),
      fromEd: ADMISSION_SOURCES.indexOf('ED'),
      direct: ADMISSION_SOURCES.indexOf('Direct'),
      transfer: ADMISSION_SOURCES.indexOf('Transfer'),
      elective: ADMISSION_SOURCES.indexOf('Elective'),
    },
  };
}
