import { defaultScenarioSnapshot } from './default-scenario-snapshot.js';
import { parameterOverrides } from './parameter-overrides.js';
import type { Scenario } from './scenario.js';

/**
 * The scenario with another start year and horizon, its YAML input and parameter overrides
 * included, so that the scenario written beside a dataset loads back to exactly this one
 * (same scenarioHash). The same scenario when nothing changes.
 */
export function scenarioWithYears(
  scenario: Scenario,
  startYear: number,
  horizonYears: number,
): Scenario {
  if (startYear === scenario.startYear && horizonYears === scenario.horizonYears) return scenario;
  const input = { ...scenario.input, start_year: startYear, horizon_years: horizonYears };
  // Overrides are measured against the packaged defaults, as loading the YAML does.
  const defaults = defaultScenarioSnapshot()?.input;
  return {
    ...scenario,
    input,
    startYear,
    horizonYears,
    endYear: startYear + horizonYears - 1,
    meta: {
      ...scenario.meta,
      parameterOverrides: defaults
        ? parameterOverrides(input, defaults)
        : scenario.meta.parameterOverrides,
    },
  };
}
