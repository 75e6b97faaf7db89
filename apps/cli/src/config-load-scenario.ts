import type { Writable } from 'node:stream';
import { defaultScenarioPath, loadScenario, type Scenario, ScenarioError } from '@lm-synth/config';
import { Option } from 'clipanion';
import * as t from 'typanion';

/** The repeatable `--config FILE` option of the config commands: a base, then overlays. */
export function configFilesOption() {
  return Option.Array('--config', [], {
    description:
      'Scenario YAML; repeat to merge overlays over a base in order (default: the packaged Lower Mainland defaults)',
    validator: t.isArray(t.cascade(t.isString(), t.hasMinLength(1))),
  });
}

/**
 * Loads the scenario named by `--config` (or the packaged defaults). A broken
 * scenario is reported on `stderr` one error per line, `file:line:col
 * path.to.key: message`, and yields undefined.
 */
export async function loadConfigScenario(
  configs: readonly string[],
  stderr: Writable,
): Promise<Scenario | undefined> {
  try {
    return await loadScenario(configs.length > 0 ? configs : [defaultScenarioPath()]);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    stderr.write(`${error.message}\n`);
    return undefined;
  }
}
