export { defaultScenario } from './default-scenario.js';
export { type DefaultScenarioFiles, defaultScenarioFiles } from './default-scenario-files.js';
export { defaultScenarioPath } from './default-scenario-path.js';
export {
  ADMISSION_SOURCES,
  type AdmissionSource,
  AGE_GROUPS,
  type AgeGroup,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  type EdDisposition,
  type EdSubservice,
  GENDERS,
  type Gender,
} from './domains.js';
export { formatPositionedError } from './format-positioned-error.js';
export { loadScenario } from './load-scenario.js';
export { type ParseScenarioResult, parseScenario } from './parse-scenario.js';
export type { PositionedError } from './positioned-error.js';
export type {
  EdCountModel,
  LosParameters,
  Scenario,
  ScenarioAgeBand,
  ScenarioCoverage,
  ScenarioCrossLha,
  ScenarioEd,
  ScenarioInpatient,
  ScenarioLha,
  ScenarioMeta,
  ScenarioProgram,
  ScenarioSite,
  ScenarioSubprogram,
  TransferCorridor,
  ValidationThresholds,
} from './scenario.js';
export { ScenarioError } from './scenario-error.js';
export { scenarioHash } from './scenario-hash.js';
export { type ScenarioInput, scenarioInputSchema } from './scenario-input-schema.js';
export { scenarioJsonSchema } from './scenario-json-schema.js';
export { scenarioSchema } from './scenario-schema.js';
export { type ScenarioPath, ScenarioSourceMap } from './scenario-source-map.js';
export type { SourceLocation } from './source-location.js';
export { stringifyScenario } from './stringify-scenario.js';
