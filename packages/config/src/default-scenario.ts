import { formatPositionedError } from './format-positioned-error.js';
import { parseScenario } from './parse-scenario.js';
import { readDefaultScenario } from './read-default-scenario.js';
import type { Scenario } from './scenario.js';

let cached: Scenario | undefined;

/** The Lower Mainland default scenario shipped in the package (configs/lower_mainland_defaults.yaml). */
export function defaultScenario(): Scenario {
  if (cached) return cached;
  const { value, sourceMap } = readDefaultScenario();
  const result = parseScenario(value, sourceMap);
  if (!result.success)
    throw new Error(
      `The packaged default scenario is invalid:\n${result.errors.map(formatPositionedError).join('\n')}`,
    );
  cached = result.scenario;
  return cached;
}
