import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { defaultScenarioFromYaml } from './default-scenario-from-yaml.js';
import { defaultScenarioPath } from './default-scenario-path.js';
import { defaultScenarioSnapshot } from './default-scenario-snapshot.js';
import { loadScenario } from './load-scenario.js';
import { readDefaultScenario } from './read-default-scenario.js';
import { scenarioHash } from './scenario-hash.js';
import { scenarioInputSchema } from './scenario-input-schema.js';

describe('defaultScenarioSnapshot', () => {
  const snapshot = defaultScenarioSnapshot();

  it('is written by the build', () => {
    expect(snapshot).not.toBeNull();
  });

  it('still equals the defaults parsed from their YAML (rebuild the package if not)', () => {
    const fromYaml = defaultScenarioFromYaml();
    expect(snapshot?.scenario).toStrictEqual(fromYaml);
    expect(scenarioHash(snapshot!.scenario)).toBe(scenarioHash(fromYaml));
    expect(snapshot?.input).toStrictEqual(scenarioInputSchema.parse(readDefaultScenario().value));
  });

  it('is what defaultScenario and loadScenario of the packaged path return', async () => {
    expect(defaultScenario()).toBe(snapshot?.scenario);
    expect(await loadScenario([defaultScenarioPath()])).toBe(snapshot?.scenario);
  });
});
