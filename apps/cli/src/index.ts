export { createCli } from './create-cli.js';
export { ExitCode } from './exit-codes.js';
export { LmSynthCli } from './lm-synth-cli.js';
export { LmSynthCommand } from './lm-synth-command.js';
