import { defaultScenarioFromYaml } from './default-scenario-from-yaml.js';
import { defaultScenarioSnapshot } from './default-scenario-snapshot.js';
import type { Scenario } from './scenario.js';

let cached: Scenario | undefined;

/** The Lower Mainland default scenario shipped in the package (configs/lower_mainland_defaults.yaml). */
export function defaultScenario(): Scenario {
  cached ??= defaultScenarioSnapshot()?.scenario ?? defaultScenarioFromYaml();
  return cached;
}
