import { ConfigCheckCommand } from './config-check-command.js';
import { ConfigInitCommand } from './config-init-command.js';
import { ConfigPrintCommand } from './config-print-command.js';
import { GenerateCommand } from './generate-command.js';
import { LmSynthCli } from './lm-synth-cli.js';
import { LoadCommand } from './load-command.js';

/** The lm-synth CLI with every command registered. */
export function createCli(): LmSynthCli {
  const cli = new LmSynthCli();
  cli.register(GenerateCommand);
  cli.register(ConfigInitCommand);
  cli.register(ConfigPrintCommand);
  cli.register(ConfigCheckCommand);
  cli.register(LoadCommand);
  return cli;
}
