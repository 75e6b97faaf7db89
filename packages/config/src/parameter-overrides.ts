import type { ScenarioInput } from './scenario-input-schema.js';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function difference(value: unknown, reference: unknown): unknown {
  if (isMapping(value) && isMapping(reference)) {
    const changed: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(value), ...Object.keys(reference)])) {
      if (!(key in value)) changed[key] = null;
      else if (!(key in reference)) changed[key] = value[key];
      else {
        const inner = difference(value[key], reference[key]);
        if (inner !== undefined) changed[key] = inner;
      }
    }
    return Object.keys(changed).length > 0 ? changed : undefined;
  }
  // Lists and scalars are replaced whole, as overlays replace them.
  return JSON.stringify(value) === JSON.stringify(reference) ? undefined : value;
}

/**
 * The settings of `input` that differ from `defaults`, as a nested object of
 * YAML keys (null where `input` lacks a default key). The scenario block is
 * left out: every scenario names itself.
 */
export function parameterOverrides(
  input: ScenarioInput,
  defaults: ScenarioInput,
): Record<string, unknown> {
  const { scenario: _ignored, ...settings } = input;
  const { scenario: _ignoredDefault, ...defaultSettings } = defaults;
  return (difference(settings, defaultSettings) as Record<string, unknown> | undefined) ?? {};
}
