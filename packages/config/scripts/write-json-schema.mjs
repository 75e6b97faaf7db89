// Regenerates scenario.schema.json from the built zod schema: `pnpm --filter @lm-synth/config schema`.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../dist/index.js';

writeFileSync(
  new URL('../scenario.schema.json', import.meta.url),
  `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
);
