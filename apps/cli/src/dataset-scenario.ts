import type { Writable } from 'node:stream';
import { type Scenario, scenarioHash } from '@lm-synth/config/core';
import { loadConfigScenario } from './config-load-scenario.js';

/**
 * The scenario to hold the dataset in `dir` against: by default the one it was generated
 * from (its scenario.yaml, checked against the manifest); with `--config`, that, and a
 * one-line warning on `stderr` when it is not the dataset's. Datasets written before they
 * carried their scenario fall back to the packaged defaults. Undefined when `--config` is
 * broken (already reported).
 */
export async function datasetScenario(
  dir: string,
  configs: readonly string[],
  stderr: Writable,
): Promise<Scenario | undefined> {
  const { readDatasetScenario, readManifest } = await import('@lm-synth/export-arrow');
  // A directory that is not a dataset is reported by whatever reads it next, in its words.
  const manifest = await readManifest(dir).catch(() => null);
  if (configs.length === 0) {
    const own = manifest ? await readDatasetScenario(dir) : null;
    return own?.scenario ?? (await loadConfigScenario([], stderr));
  }
  const scenario = await loadConfigScenario(configs, stderr);
  if (!scenario) return undefined;
  const recorded = manifest?.lm_synth;
  const hash = scenarioHash(scenario);
  if (recorded && hash !== recorded.scenarioHash) {
    const own = recorded.scenario ? `its ${recorded.scenario.path}` : 'the scenario it records';
    stderr.write(
      `warning: --config gives scenario ${scenario.meta.id} (${short(hash)}), not the one ${dir} was generated from (${recorded.scenarioId}, ${short(recorded.scenarioHash)}); using --config, leave it out to use ${own}\n`,
    );
  }
  return scenario;
}

const short = (hash: string) => hash.slice(0, 'sha256:'.length + 12);
