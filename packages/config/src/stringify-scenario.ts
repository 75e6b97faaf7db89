import { stringify } from 'yaml';
import type { Scenario } from './scenario.js';
import { scenarioHash } from './scenario-hash.js';

/**
 * The scenario as one YAML document (overlays merged, coverage matrix inline)
 * that loads back to the same scenario, headed by its id and hash.
 */
export function stringifyScenario(scenario: Scenario): string {
  return [
    `# lm-synth scenario "${scenario.meta.id}", merged and validated (synthetic data, for non-production testing)`,
    `# ${scenarioHash(scenario)}`,
    stringify(scenario.input, { lineWidth: 0 }),
  ].join('\n');
}
