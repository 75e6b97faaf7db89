// Regenerates model.schema.json from the built zod schema: `pnpm --filter @lm-synth/synthesizer schema`.
import { writeFileSync } from 'node:fs';
import { modelJsonSchema } from '../dist/index.js';

writeFileSync(
  new URL('../model.schema.json', import.meta.url),
  `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
);
