import { z } from 'zod';
import { scenarioInputSchema } from './scenario-input-schema.js';

let cached: Record<string, unknown> | undefined;

/**
 * JSON Schema (draft 2020-12) of the scenario YAML, generated from the zod
 * schema; the committed scenario.schema.json is this, and editors use it to
 * complete and check the YAML. Cross-field rules are not expressible there.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(scenarioInputSchema, { io: 'input', target: 'draft-2020-12' });
  return cached;
}
