import { z } from 'zod';
import { synthesizerModelSchema } from './synthesizer-model.js';

let cached: Record<string, unknown> | undefined;

/**
 * JSON Schema (draft 2020-12) of the model file, generated from the zod schema that
 * readModelFile checks with; the committed model.schema.json is this, for other tools that
 * read models. Matrix sizes (d×d) are checked by readModelFile only.
 */
export function modelJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(synthesizerModelSchema, { target: 'draft-2020-12' });
  return cached;
}
