import type { OutputFormat } from '@lm-synth/export-arrow';
import { Command, Option, UsageError } from 'clipanion';
import * as t from 'typanion';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { formatTextTable } from './format-text-table.js';
import { isChoice } from './is-choice.js';
import { LmSynthCommand } from './lm-synth-command.js';
import { modelSample } from './model-sample.js';
import { ProgressReporter } from './progress-reporter.js';

const FORMATS: readonly OutputFormat[] = ['parquet', 'csv', 'arrow'];
const isNonNegativeInteger = t.cascade(t.isNumber(), [t.isInteger(), t.isAtLeast(0)]);

/** --patients: a whole number of at least 1, in the house wording. */
export function parseModelPatients(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (value.trim() === '' || Number.isNaN(count))
    throw new UsageError(`--patients must be a number (got "${value}")`);
  if (count < 1) throw new UsageError(`--patients must be at least 1 (got ${value})`);
  if (!Number.isInteger(count))
    throw new UsageError(`--patients must be a whole number (got ${value})`);
  return count;
}

export class ModelSampleCommand extends LmSynthCommand {
  static override paths = [['model', 'sample']];

  static override usage = Command.Usage({
    category: 'Model',
    description: 'sample a fitted model into a dataset',
    details: `
      Samples \`--patients\` patients with their ED encounters and inpatient stays from the model file and writes every table to \`--out\` exactly as \`generate\` does (Parquet, CSV or Arrow IPC, \`datapackage.json\` naming the model's hash, \`lm_synth.duckdb\`, atomic output). Every constraint of the blueprint holds on every row: DOB within the age group, LOS at least its minimum, ALC stays at least the threshold, subprograms within programs offered at the facility, catalogue enums, valid keys and links, unique (DOB, LHA, gender) unless \`--no-unique-qi\`.

      The sample is streamed in blocks of 4,096 patients, each drawn from its own seeded stream, so memory does not grow with \`--patients\` and the same model and seed give byte-identical files whatever \`--workers\` is.

      All data is synthetic and fictional, for non-production testing.
    `,
    examples: [
      [
        'A million patients',
        '$0 model sample --model ./model.json --patients 1000000 --no-unique-qi --out ./synthetic',
      ],
      [
        'CSV, seed 7',
        '$0 model sample --model ./model.json --patients 50000 --seed 7 --out ./synthetic --format csv',
      ],
    ],
  });

  model = Option.String('--model', './model.json', {
    description: 'Model file (default ./model.json)',
  });
  patients = Option.String('--patients', {
    description: 'Patients to sample (default: as many as the training data had)',
  });
  seed = Option.String('--seed', {
    description: 'Run seed (default: the scenario, 42)',
    validator: isNonNegativeInteger,
  });
  out = Option.String('--out', './synthetic', {
    description: 'Output directory (default ./synthetic)',
  });
  format = Option.String('--format', 'parquet', {
    description: 'parquet, csv or arrow (default parquet)',
    validator: isChoice(FORMATS),
  });
  workers = Option.String('--workers', {
    description:
      'Accepted for parity with generate; sampling runs block by block in order, so it never changes the output',
    validator: isNonNegativeInteger,
  });
  uniqueQuasiIdentifiers = Option.Boolean('--unique-qi', {
    description:
      'Keep (DOB, LHA, gender) unique (default: as the training data; --no-unique-qi allows duplicates)',
  });
  duckdb = Option.Boolean('--duckdb', true, {
    description: 'Also write lm_synth.duckdb (default on)',
  });
  force = Option.Boolean('--force', false, { description: 'Replace an existing dataset in --out' });
  configs = configFilesOption();
  json = Option.Boolean('--json', false, {
    description: 'Print a machine-readable summary on stdout',
  });

  async run(): Promise<number> {
    const started = performance.now();
    const patients = parseModelPatients(this.patients);
    // The scenario only supplies the default seed.
    const scenario =
      this.seed === undefined ? await loadConfigScenario(this.configs, this.context.stderr) : null;
    if (this.seed === undefined && !scenario) return ExitCode.Usage;
    const progress = new ProgressReporter(this.context.stderr, this.context.env);
    const outcome = await modelSample({
      model: this.model,
      patients,
      seed: this.seed ?? scenario!.seed,
      out: this.out,
      format: this.format,
      force: this.force,
      duckdb: this.duckdb,
      uniqueQuasiIdentifiers: this.uniqueQuasiIdentifiers,
      onProgress: progress.onProgress,
    });
    progress.done();
    if (!outcome.completed) {
      this.context.stderr.write(
        `${this.cli.binaryName}: interrupted by ${outcome.signal}; removed the temporary directory\n`,
      );
      return outcome.exitCode;
    }
    const { summary, hash } = outcome;
    const elapsedSeconds = (performance.now() - started) / 1000;
    if (this.json) {
      this.context.stdout.write(
        `${JSON.stringify({ ok: true, model: hash, ...summary, elapsedSeconds }, null, 2)}\n`,
      );
      return ExitCode.Ok;
    }
    const rows = summary.tables.map((table) => [table.name, table.rows.toLocaleString('en-US')]);
    this.context.stdout.write(
      [
        ...formatTextTable(['table', 'rows'], rows, new Set([1])),
        '',
        `${summary.rows.toLocaleString('en-US')} rows sampled from ${hash} into ${summary.outDir} (${elapsedSeconds.toFixed(2)} s)`,
        'Synthetic data, for non-production testing.',
        '',
      ].join('\n'),
    );
    return ExitCode.Ok;
  }
}
