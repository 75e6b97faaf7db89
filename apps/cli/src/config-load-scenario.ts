import type { Writable } from 'node:stream';
import { defaultScenarioSnapshot, type Scenario } from '@lm-synth/config/core';
import { Option } from 'clipanion';
import * as t from 'typanion';

/** The repeatable `--config FILE` option of the config commands: a base, then overlays. */
export function configFilesOption() {
  return Option.Array('--config', [], {
    description:
      'Scenario YAML; repeat to merge overlays over a base in order; a first file that is an overlay applies onto the packaged defaults (default: the packaged Lower Mainland defaults)',
    validator: t.isArray(t.cascade(t.isString(), t.hasMinLength(1))),
  });
}

/**
 * Loads the scenario named by `--config` (or the packaged defaults). A first
 * file that is an overlay applies onto the packaged defaults, with a note on
 * `stderr`. A broken scenario is reported on `stderr` one error per line,
 * `file:line:col path.to.key: message`, and yields undefined.
 */
export async function loadConfigScenario(
  configs: readonly string[],
  stderr: Writable,
): Promise<Scenario | undefined> {
  // The packaged defaults were validated at build time: no YAML parser or zod to load.
  const packaged = configs.length === 0 ? defaultScenarioSnapshot() : null;
  if (packaged) return packaged.scenario;
  const { defaultScenarioPath, loadScenario, ScenarioError } = await import('@lm-synth/config');
  try {
    return await loadScenario(configs.length > 0 ? configs : [defaultScenarioPath()], {
      onOverlayOfDefaults: (file, missing) =>
        stderr.write(
          `note: ${file} is an overlay (it has no ${listed(missing)}): applying it onto the packaged defaults\n`,
        ),
    });
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    stderr.write(`${error.message}\n`);
    return undefined;
  }
}

/** The first few keys, and how many more. */
function listed(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).join(', ');
  return keys.length > 3 ? `${shown} and ${keys.length - 3} more keys` : shown;
}
