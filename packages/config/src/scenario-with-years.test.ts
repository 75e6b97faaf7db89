import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { loadScenario } from './load-scenario.js';
import { scenarioHash } from './scenario-hash.js';
import { scenarioWithYears } from './scenario-with-years.js';
import { stringifyScenario } from './stringify-scenario.js';
import { type ScenarioDir, scenarioDir } from './test-scenario-dir.js';

let dir: ScenarioDir;
beforeEach(() => {
  dir = scenarioDir();
});
afterEach(() => dir.remove());

describe('scenarioWithYears', () => {
  it('is the same scenario when the years do not change', () => {
    const scenario = defaultScenario();
    expect(scenarioWithYears(scenario, scenario.startYear, scenario.horizonYears)).toBe(scenario);
  });

  it('loads back from its YAML to the same hash, overrides included', async () => {
    const changed = scenarioWithYears(defaultScenario(), 2027, 3);
    expect(changed).toMatchObject({ startYear: 2027, horizonYears: 3, endYear: 2029 });
    expect(changed.meta.parameterOverrides).toEqual({ start_year: 2027, horizon_years: 3 });
    const path = join(dir.dir, 'scenario.yaml');
    writeFileSync(path, stringifyScenario(changed));
    expect(scenarioHash(await loadScenario([path]))).toBe(scenarioHash(changed));
  });
});
