import { createRequire } from 'node:module';

/** The version of @lm-synth/generators: rows depend on it, so every manifest records it. */
export const GENERATORS_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
