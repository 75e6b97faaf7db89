import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from './scenario.js';
import type { ScenarioInput } from './scenario-input-schema.js';

/** The packaged defaults, validated and expanded when the package was built. */
export interface DefaultScenarioSnapshot {
  /** What parameter overrides are measured against (see defaultScenarioInput). */
  readonly input: ScenarioInput;
  readonly scenario: Scenario;
}

/** Where the build writes the snapshot (scripts/snapshot-defaults.mjs). */
export const DEFAULT_SCENARIO_SNAPSHOT_URL = new URL(
  '../dist/assets/lower_mainland_defaults.snapshot.json',
  import.meta.url,
);

let cached: DefaultScenarioSnapshot | null | undefined;

/**
 * The defaults as the build left them, or null before the build has written them. Parsing
 * 36 KB of YAML with a source map and validating it took ~0.2 s of every command's start-up;
 * reading this JSON takes a few milliseconds. A test checks it still equals the YAML.
 */
export function defaultScenarioSnapshot(): DefaultScenarioSnapshot | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(
      readFileSync(fileURLToPath(DEFAULT_SCENARIO_SNAPSHOT_URL), 'utf8'),
    ) as DefaultScenarioSnapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    cached = null;
  }
  return cached;
}
