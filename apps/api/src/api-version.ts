import { createRequire } from 'node:module';

/** The version of @lm-synth/api, reported by GET / and in the OpenAPI document. */
export const API_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
