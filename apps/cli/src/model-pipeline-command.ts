import { resolve } from 'node:path';
import type { OutputFormat } from '@lm-synth/export-arrow';
import { Command, Option } from 'clipanion';
import * as t from 'typanion';
import { CLI_VERSION } from './cli-version.js';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { isChoice } from './is-choice.js';
import { LmSynthCommand } from './lm-synth-command.js';
import { modelSample } from './model-sample.js';
import { parseModelPatients } from './model-sample-command.js';

const FORMATS: readonly OutputFormat[] = ['parquet', 'csv', 'arrow'];
const isNonNegativeInteger = t.cascade(t.isNumber(), [t.isInteger(), t.isAtLeast(0)]);

export class ModelPipelineCommand extends LmSynthCommand {
  static override paths = [['model', 'pipeline']];

  static override usage = Command.Usage({
    category: 'Model',
    description: 'fit, sample and validate in one go',
    details: `
      Runs \`model fit\` on \`--in\`, \`model sample\` into \`--out\` and \`validate --in OUT --compare IN\`: the integrity and fidelity gates on the sample, its quality against the training data and the privacy gates (DCR, NNDR, pMSE). Exit code 0 when every gate passes, 1 when any fails, 2 for bad input.

      All data is synthetic and fictional, for non-production testing.
    `,
    examples: [
      [
        'Train on ./out, sample 50,000 patients into ./synthetic',
        '$0 model pipeline --in ./out --patients 50000',
      ],
    ],
  });

  in = Option.String('--in', './out', {
    description: 'Training dataset directory (default ./out)',
  });
  model = Option.String('--model', './model.json', {
    description: 'Model file to write (default ./model.json)',
  });
  out = Option.String('--out', './synthetic', {
    description: 'Output directory (default ./synthetic)',
  });
  patients = Option.String('--patients', {
    description: 'Patients to sample (default: as many as the training data had)',
  });
  seed = Option.String('--seed', {
    description: 'Run seed (default: the scenario, 42)',
    validator: isNonNegativeInteger,
  });
  format = Option.String('--format', 'parquet', {
    description: 'parquet, csv or arrow (default parquet)',
    validator: isChoice(FORMATS),
  });
  uniqueQuasiIdentifiers = Option.Boolean('--unique-qi', {
    description: 'Keep (DOB, LHA, gender) unique (default: as the training data)',
  });
  force = Option.Boolean('--force', false, { description: 'Replace an existing dataset in --out' });
  configs = configFilesOption();

  async run(): Promise<number> {
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    const patients = parseModelPatients(this.patients);
    const { fitModel, writeModelFile } = await import('@lm-synth/synthesizer');
    let started = performance.now();
    const model = await fitModel(resolve(this.in), scenario, { lmSynthVersion: CLI_VERSION });
    const hash = await writeModelFile(resolve(this.model), model);
    this.context.stdout.write(
      `fit: ${this.model} (${hash}) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
    );
    started = performance.now();
    const outcome = await modelSample({
      model: this.model,
      patients,
      seed: this.seed ?? scenario.seed,
      out: this.out,
      format: this.format,
      force: this.force,
      duckdb: true,
      uniqueQuasiIdentifiers: this.uniqueQuasiIdentifiers,
    });
    if (!outcome.completed) {
      this.context.stderr.write(
        `${this.cli.binaryName}: interrupted by ${outcome.signal}; removed the temporary directory\n`,
      );
      return outcome.exitCode;
    }
    this.context.stdout.write(
      `sample: ${outcome.summary.rows.toLocaleString('en-US')} rows into ${outcome.summary.outDir} in ${((performance.now() - started) / 1000).toFixed(2)} s\n\n`,
    );
    const { formatTextReport, validate } = await import('@lm-synth/validate');
    const report = await validate(this.out, scenario, { compare: this.in });
    this.context.stdout.write(formatTextReport(report, { colour: false }));
    return report.ok ? ExitCode.Ok : ExitCode.Findings;
  }
}
