import { LmSynthCli } from './lm-synth-cli.js';

/** The lm-synth CLI with every command registered. */
export function createCli(): LmSynthCli {
  const cli = new LmSynthCli();
  return cli;
}
