// Everything in the light entry point, then what loads and validates scenarios (YAML, zod).
export * from './core.js';
export { defaultScenario } from './default-scenario.js';
export { type DefaultScenarioFiles, defaultScenarioFiles } from './default-scenario-files.js';
export { formatPositionedError } from './format-positioned-error.js';
export { type LoadScenarioOptions, loadScenario } from './load-scenario.js';
export { type ParseScenarioResult, parseScenario } from './parse-scenario.js';
export type { PositionedError } from './positioned-error.js';
export { type PopulationProjection, projectPopulation } from './project-population.js';
export { ScenarioError } from './scenario-error.js';
export { type ScenarioInput, scenarioInputSchema } from './scenario-input-schema.js';
export { scenarioJsonSchema } from './scenario-json-schema.js';
export { scenarioSchema } from './scenario-schema.js';
export { type ScenarioPath, ScenarioSourceMap } from './scenario-source-map.js';
export type { SourceLocation } from './source-location.js';
export { stringifyScenario } from './stringify-scenario.js';
