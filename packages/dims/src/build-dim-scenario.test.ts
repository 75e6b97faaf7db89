import { fileURLToPath } from 'node:url';
import { defaultScenario, loadScenario, scenarioHash } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { buildDimScenario } from './build-dim-scenario.js';

const configs = fileURLToPath(new URL('../../../configs/', import.meta.url));

describe('buildDimScenario', () => {
  it('writes one row with the scenario metadata and hash', () => {
    const scenario = defaultScenario();
    expect(buildDimScenario(scenario)).toEqual({
      scenario_id: ['lower-mainland-baseline'],
      scenario_name: ['Lower Mainland baseline'],
      description: [scenario.meta.description],
      parameter_overrides: ['{}'],
      scenario_hash: [scenarioHash(scenario)],
      time_zone: ['America/Vancouver'],
    });
  });

  it('records what an overlay changed', async () => {
    const scenario = await loadScenario([
      `${configs}lower_mainland_defaults.yaml`,
      `${configs}scenarios/high_growth.yaml`,
    ]);
    const [overrides] = buildDimScenario(scenario).parameter_overrides;
    expect(JSON.parse(overrides!).lhas.Harborview).toEqual({ annual_growth_pct: 2 });
    expect(buildDimScenario(scenario).scenario_id).toEqual(['high-growth']);
  });
});
