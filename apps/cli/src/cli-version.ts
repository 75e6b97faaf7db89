import { createRequire } from 'node:module';

/** The version of @lm-synth/cli, recorded in every manifest it writes. */
export const CLI_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
