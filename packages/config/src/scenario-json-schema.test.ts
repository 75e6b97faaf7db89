import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './scenario-json-schema.js';
import { REPO_CONFIGS } from './test-scenario-dir.js';

const committed = new URL('../scenario.schema.json', import.meta.url);

describe('scenario JSON Schema', () => {
  it('is committed in sync with the zod schema (regenerate: pnpm --filter @lm-synth/config schema)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('is what the default YAML points editors at', () => {
    const yamlPath = join(REPO_CONFIGS, 'lower_mainland_defaults.yaml');
    const firstLine = readFileSync(yamlPath, 'utf8').split('\n')[0]!;
    const target = /^# yaml-language-server: \$schema=(.+)$/.exec(firstLine)?.[1];
    expect(target).toBeDefined();
    expect(resolve(dirname(yamlPath), target!)).toBe(resolve(committed.pathname));
  });

  it('describes the YAML input: strict objects, closed domains, documented keys', () => {
    const schema = scenarioJsonSchema() as {
      additionalProperties: unknown;
      required: string[];
      properties: Record<string, { description?: string; additionalProperties?: unknown }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('coverage_matrix');
    expect(schema.properties.lhas?.description).toMatch(/keyed by name/);
    const lha = schema.properties.lhas?.additionalProperties as {
      properties: { age_weights: { required: string[] } };
    };
    expect(lha.properties.age_weights.required).toEqual([
      '0-4',
      '5-14',
      '15-24',
      '25-44',
      '45-64',
      '65-74',
      '75-84',
      '85+',
    ]);
  });
});
