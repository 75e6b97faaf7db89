import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { CLI_VERSION } from './cli-version.js';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

export class ModelFitCommand extends LmSynthCommand {
  static override paths = [['model', 'fit']];

  static override usage = Command.Usage({
    category: 'Model',
    description: 'fit the hierarchical Gaussian copula to a dataset',
    details: `
      Fits \`@lm-synth/synthesizer\`'s model to the lm-synth dataset in \`--in\`: a Gaussian copula per fact table (each column through a marginal chosen by its logical type), patients extended with each patient's number of ED visits and stays and the mean of their columns, children modelled around their patient's mean. Thresholds (the ALC rule) come from the scenario (\`--config\`, default the packaged one).

      The model file (\`--model\`) is versioned JSON of fitted parameters and aggregates only — no training row can be read back from it — written atomically.

      All data is synthetic and fictional, for non-production testing.
    `,
    examples: [['Fit the default dataset', '$0 model fit --in ./out --model ./model.json']],
  });

  in = Option.String('--in', './out', {
    description: 'Training dataset directory (default ./out)',
  });
  model = Option.String('--model', './model.json', {
    description: 'Model file to write (default ./model.json)',
  });
  configs = configFilesOption();
  json = Option.Boolean('--json', false, {
    description: 'Print a machine-readable summary on stdout',
  });

  async run(): Promise<number> {
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    const { fitModel, writeModelFile } = await import('@lm-synth/synthesizer');
    const started = performance.now();
    const model = await fitModel(resolve(this.in), scenario, { lmSynthVersion: CLI_VERSION });
    const hash = await writeModelFile(resolve(this.model), model);
    const elapsedSeconds = (performance.now() - started) / 1000;
    const tables = model.tables.map((table) => ({
      name: table.name,
      rows: table.rows,
      dimensions: table.features.length,
      repaired: table.repaired,
    }));
    if (this.json) {
      this.context.stdout.write(
        `${JSON.stringify({ ok: true, model: this.model, hash, tables, elapsedSeconds }, null, 2)}\n`,
      );
      return ExitCode.Ok;
    }
    this.context.stdout.write(
      [
        ...tables.map(
          (table) =>
            `${table.name}: ${table.rows.toLocaleString('en-US')} rows, ${table.dimensions} copula dimensions${table.repaired ? ' (correlation repaired to positive definite)' : ''}`,
        ),
        `model ${this.model} (${hash}) in ${elapsedSeconds.toFixed(2)} s`,
        'Synthetic data, for non-production testing.',
        '',
      ].join('\n'),
    );
    return ExitCode.Ok;
  }
}
