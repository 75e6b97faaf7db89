import { createHash } from 'node:crypto';
import type { Scenario } from './scenario.js';

/** JSON with object keys sorted at every level, so equal scenarios serialise identically. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}

/** `sha256:<hex>` of the scenario's canonical JSON: equal exactly when the scenarios are. */
export function scenarioHash(scenario: Scenario): string {
  return `sha256:${createHash('sha256').update(canonicalJson(scenario)).digest('hex')}`;
}
