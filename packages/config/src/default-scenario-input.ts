import { defaultScenarioSnapshot } from './default-scenario-snapshot.js';
import { readDefaultScenario } from './read-default-scenario.js';
import { type ScenarioInput, scenarioInputSchema } from './scenario-input-schema.js';

let cached: ScenarioInput | undefined;

/** The packaged defaults as validated YAML input: what parameter overrides are measured against. */
export function defaultScenarioInput(): ScenarioInput {
  cached ??=
    defaultScenarioSnapshot()?.input ?? scenarioInputSchema.parse(readDefaultScenario().value);
  return cached;
}
