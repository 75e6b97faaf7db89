import {
  type AssembledScenario,
  assembleScenario,
  attachCoverageCsv,
  type ScenarioSource,
} from './assemble-scenario.js';
import { defaultScenario } from './default-scenario.js';
import { defaultScenarioPath } from './default-scenario-path.js';
import { parseScenario } from './parse-scenario.js';
import { readBoundedFile } from './read-bounded-file.js';
import type { Scenario } from './scenario.js';
import { ScenarioError } from './scenario-error.js';
import { SCENARIO_FILE_LIMITS } from './scenario-file-limits.js';
import { scenarioInputSchema } from './scenario-input-schema.js';

async function read(file: string): Promise<ScenarioSource['content']> {
  try {
    return await readBoundedFile(file, SCENARIO_FILE_LIMITS.maxBytes);
  } catch (error) {
    return { error };
  }
}

export interface LoadScenarioOptions {
  /**
   * Told when the first file is an overlay (it lacks top-level keys every scenario has) and
   * so is merged onto the packaged defaults; `missing` names those keys.
   */
  readonly onOverlayOfDefaults?: (file: string, missing: readonly string[]) => void;
}

let requiredKeys: readonly string[] | undefined;

/** Top-level keys a complete scenario must have (those without a default). */
function requiredTopLevelKeys(): readonly string[] {
  requiredKeys ??= Object.entries(scenarioInputSchema.shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([key]) => key);
  return requiredKeys;
}

async function assembleFiles(
  paths: readonly string[],
  options: LoadScenarioOptions,
): Promise<AssembledScenario> {
  const sources = await Promise.all(
    paths.map(async (file) => ({ file, content: await read(file) })),
  );
  // The overlay rule: a first file that is not a whole scenario applies onto the packaged defaults.
  const first = assembleScenario(sources.slice(0, 1));
  if (first.errors.length === 0) {
    const missing = requiredTopLevelKeys().filter((key) => !Object.hasOwn(first.value, key));
    if (missing.length > 0) {
      options.onOverlayOfDefaults?.(sources[0]!.file, missing);
      const defaults = defaultScenarioPath();
      sources.unshift({ file: defaults, content: await read(defaults) });
    }
  }
  const assembled = assembleScenario(sources);
  if (assembled.errors.length > 0) throw new ScenarioError(assembled.errors);
  if (assembled.coverageFile !== undefined) {
    const errors = attachCoverageCsv(assembled, await read(assembled.coverageFile));
    if (errors.length > 0) throw new ScenarioError(errors);
  }
  return assembled;
}

/**
 * Loads a scenario from YAML files merged in order: a base, then overlays
 * (mappings merge key by key; lists and values are replaced). A first file
 * that lacks any top-level key a whole scenario needs (`sites`, `lhas`, …) is
 * itself an overlay and applies onto the packaged defaults. The coverage
 * matrix CSV named in the YAML is read relative to that YAML file. Throws a
 * ScenarioError listing every problem as `file:line:col path.to.key: message`,
 * refusing before parsing anything a scenario file cannot be: over 1 MiB, not
 * UTF-8, binary (see the limits in the README).
 */
export async function loadScenario(
  paths: readonly string[],
  options: LoadScenarioOptions = {},
): Promise<Scenario> {
  if (paths.length === 0)
    throw new ScenarioError([{ location: undefined, path: '', message: 'no scenario file given' }]);
  // The packaged defaults alone were validated when the package was built.
  if (paths.length === 1 && paths[0] === defaultScenarioPath()) return defaultScenario();
  const assembled = await assembleFiles(paths, options);
  const result = parseScenario(assembled.value, assembled.sourceMap);
  if (!result.success) throw new ScenarioError(result.errors);
  return result.scenario;
}
