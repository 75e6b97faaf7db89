// Writes dist/assets/lower_mainland_defaults.snapshot.json: the packaged defaults validated
// and expanded once, at build time, so commands start without parsing their YAML.
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { defaultScenarioFromYaml } from '../dist/default-scenario-from-yaml.js';
import { DEFAULT_SCENARIO_SNAPSHOT_URL } from '../dist/default-scenario-snapshot.js';
import { readDefaultScenario } from '../dist/read-default-scenario.js';
import { scenarioInputSchema } from '../dist/scenario-input-schema.js';

const snapshot = {
  input: scenarioInputSchema.parse(readDefaultScenario().value),
  scenario: defaultScenarioFromYaml(),
};
const json = JSON.stringify(snapshot);
// JSON has no undefined, Infinity or NaN: refuse a snapshot that would read back different.
if (!isDeepStrictEqual(JSON.parse(json), snapshot))
  throw new Error('the default scenario does not survive a JSON round trip');
writeFileSync(DEFAULT_SCENARIO_SNAPSHOT_URL, json);
