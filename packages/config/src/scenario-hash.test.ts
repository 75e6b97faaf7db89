import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import type { Scenario } from './scenario.js';
import { scenarioHash } from './scenario-hash.js';

describe('scenarioHash', () => {
  const scenario = defaultScenario();

  it('is sha256 of the canonical JSON: key order does not matter, values do', () => {
    expect(scenarioHash(scenario)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(scenario).reverse()) as unknown as Scenario;
    expect(scenarioHash(reordered)).toBe(scenarioHash(scenario));
    const changed = { ...scenario, seed: scenario.seed + 1 };
    expect(scenarioHash(changed)).not.toBe(scenarioHash(scenario));
  });
});
