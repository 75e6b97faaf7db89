// `@lm-synth/config/core`: what generating from a scenario needs — its types, the domains,
// its hash and the prebuilt defaults — without the YAML parser and zod schema, whose
// modules take ~0.1 s to load in every process and worker that imports them.
export { acuityByAge } from './acuity-by-age.js';
export { defaultScenarioPath } from './default-scenario-path.js';
export {
  type DefaultScenarioSnapshot,
  defaultScenarioSnapshot,
} from './default-scenario-snapshot.js';
export { dispositionByAcuity } from './disposition-by-acuity.js';
export {
  ADMISSION_ROUTES,
  ADMISSION_SOURCES,
  type AdmissionSource,
  AGE_GROUPS,
  type AgeGroup,
  ALC_DESTINATIONS,
  CARE_SETTINGS,
  type CareSetting,
  CTAS_LEVELS,
  DISCHARGE_DISPOSITIONS,
  type DischargeDisposition,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  type EdDisposition,
  type EdSubservice,
  ENTRY_REASONS,
  type EntryReason,
  EXIT_REASONS,
  type ExitReason,
  GENDERS,
  type Gender,
  OLDEST_AGE,
} from './domains.js';
export { largestRemainder } from './largest-remainder.js';
export { type PopulationProjection, projectPopulation } from './project-population.js';
export type {
  EdCountModel,
  LognormalDuration,
  LosParameters,
  Scenario,
  ScenarioAgeBand,
  ScenarioCapacity,
  ScenarioCoverage,
  ScenarioCrossLha,
  ScenarioDemography,
  ScenarioDischarge,
  ScenarioEd,
  ScenarioInpatient,
  ScenarioInpatientTiming,
  ScenarioLha,
  ScenarioMeta,
  ScenarioProgram,
  ScenarioSite,
  ScenarioSubprogram,
  TransferCorridor,
  ValidationThresholds,
} from './scenario.js';
export { scenarioHash } from './scenario-hash.js';
export { singleYearAgeShares } from './single-year-age-shares.js';
