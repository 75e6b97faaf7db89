import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from './model-json-schema.js';

describe('model JSON Schema', () => {
  it('is committed in sync with the zod schema (regenerate: pnpm --filter @lm-synth/synthesizer schema)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../model.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(modelJsonSchema());
  });

  it('pins the format and version', () => {
    const schema = modelJsonSchema() as { properties: Record<string, { const?: unknown }> };
    expect(schema.properties.format?.const).toBe('lm-synth-model');
    expect(schema.properties.version?.const).toBe(1);
  });
});
