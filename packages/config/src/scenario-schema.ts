import { defaultScenarioInput } from './default-scenario-input.js';
import { expandScenario } from './expand-scenario.js';
import { scenarioInputSchema } from './scenario-input-schema.js';

/**
 * The scenario schema: validates YAML input (see scenarioInputSchema) and
 * expands it into the generator-facing Scenario.
 */
export const scenarioSchema = scenarioInputSchema.transform((input) =>
  expandScenario(input, defaultScenarioInput()),
);
