import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultScenarioPath } from './default-scenario-path.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Where editors outside this repository find the JSON Schema: the published package. */
export const PUBLISHED_SCHEMA_URL = `https://unpkg.com/@lm-synth/config@${version}/scenario.schema.json`;

export interface DefaultScenarioFiles {
  /** The default scenario YAML, its schema comment pointing at the published JSON Schema. */
  readonly scenarioYaml: string;
  /** coverage_matrix.csv, to be written beside the YAML. */
  readonly coverageMatrixCsv: string;
}

/** The default scenario files as a user should receive them (`lm-synth config init`). */
export function defaultScenarioFiles(): DefaultScenarioFiles {
  const path = defaultScenarioPath();
  const yaml = readFileSync(path, 'utf8');
  return {
    scenarioYaml: yaml.replace(
      /^# yaml-language-server: \$schema=.*$/m,
      `# yaml-language-server: $schema=${PUBLISHED_SCHEMA_URL}`,
    ),
    coverageMatrixCsv: readFileSync(join(dirname(path), 'coverage_matrix.csv'), 'utf8'),
  };
}
