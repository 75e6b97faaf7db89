import { CleanCommand } from './clean-command.js';
import { ConfigCheckCommand } from './config-check-command.js';
import { ConfigInitCommand } from './config-init-command.js';
import { ConfigPrintCommand } from './config-print-command.js';
import { GenerateCommand } from './generate-command.js';
import { LmSynthCli } from './lm-synth-cli.js';
import { LoadCommand } from './load-command.js';
import { ModelFitCommand } from './model-fit-command.js';
import { ModelPipelineCommand } from './model-pipeline-command.js';
import { ModelSampleCommand } from './model-sample-command.js';
import { ReportCommand } from './report-command.js';
import { ServeCommand } from './serve-command.js';
import { SqlCommand } from './sql-command.js';
import { StatusCommand } from './status-command.js';
import { ValidateCommand } from './validate-command.js';

/** The lm-synth CLI with every command registered. */
export function createCli(): LmSynthCli {
  const cli = new LmSynthCli();
  cli.register(GenerateCommand);
  cli.register(ConfigInitCommand);
  cli.register(ConfigPrintCommand);
  cli.register(ConfigCheckCommand);
  cli.register(LoadCommand);
  cli.register(SqlCommand);
  cli.register(StatusCommand);
  cli.register(CleanCommand);
  cli.register(ValidateCommand);
  cli.register(ReportCommand);
  cli.register(ServeCommand);
  cli.register(ModelFitCommand);
  cli.register(ModelSampleCommand);
  cli.register(ModelPipelineCommand);
  return cli;
}
