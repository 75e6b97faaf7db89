import { type Scenario, scenarioHash } from '@lm-synth/config/core';

export interface DimScenarioColumns {
  readonly scenario_id: string[];
  readonly scenario_name: string[];
  readonly description: string[];
  readonly parameter_overrides: string[];
  readonly scenario_hash: string[];
  readonly time_zone: string[];
}

/** dim_scenario: the one scenario the dataset came from, with its overrides, hash and time zone. */
export function buildDimScenario(scenario: Scenario): DimScenarioColumns {
  return {
    scenario_id: [scenario.meta.id],
    scenario_name: [scenario.meta.name],
    description: [scenario.meta.description],
    parameter_overrides: [JSON.stringify(scenario.meta.parameterOverrides)],
    scenario_hash: [scenarioHash(scenario)],
    time_zone: [scenario.timeZone],
  };
}
