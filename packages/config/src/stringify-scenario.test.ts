import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from './load-scenario.js';
import { scenarioHash } from './scenario-hash.js';
import { stringifyScenario } from './stringify-scenario.js';
import { REPO_CONFIGS, scenarioDir } from './test-scenario-dir.js';

const dir = scenarioDir();
afterAll(() => dir.remove());

describe('stringifyScenario', () => {
  it('writes YAML that loads back to the same scenario', async () => {
    const scenario = await loadScenario([
      `${REPO_CONFIGS}lower_mainland_defaults.yaml`,
      `${REPO_CONFIGS}scenarios/pediatric_surge.yaml`,
    ]);
    const text = stringifyScenario(scenario);
    expect(text.split('\n')[1]).toBe(`# ${scenarioHash(scenario)}`);
    const reloaded = await loadScenario([dir.write('printed.yaml', text)]);
    expect(scenarioHash(reloaded)).toBe(scenarioHash(scenario));
    expect(readFileSync(dir.path('printed.yaml'), 'utf8')).not.toContain('coverage_matrix.csv');
  });
});
