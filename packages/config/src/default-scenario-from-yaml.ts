import { formatPositionedError } from './format-positioned-error.js';
import { parseScenario } from './parse-scenario.js';
import { readDefaultScenario } from './read-default-scenario.js';
import type { Scenario } from './scenario.js';

/** The packaged defaults parsed and validated from their YAML, as the build snapshots them. */
export function defaultScenarioFromYaml(): Scenario {
  const { value, sourceMap } = readDefaultScenario();
  const result = parseScenario(value, sourceMap);
  if (!result.success)
    throw new Error(
      `The packaged default scenario is invalid:\n${result.errors.map(formatPositionedError).join('\n')}`,
    );
  return result.scenario;
}
