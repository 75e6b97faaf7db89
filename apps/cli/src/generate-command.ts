import { resolve } from 'node:path';
import type { OutputFormat, PartitionColumn } from '@lm-synth/export-arrow';
import type { DatasetPlan } from '@lm-synth/generators';
import { Command, Option, UsageError } from 'clipanion';
import * as t from 'typanion';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { formatTextTable } from './format-text-table.js';
import { interruptible } from './interruptible.js';
import { LmSynthCommand } from './lm-synth-command.js';
import { mysqlConnection } from './load-command-connection.js';
import { formatLoadReport } from './load-command-report.js';
import { ProgressReporter } from './progress-reporter.js';

const FORMATS: readonly OutputFormat[] = ['parquet', 'csv', 'arrow'];
const PARTITION_COLUMNS: readonly PartitionColumn[] = ['year', 'site'];

const isNonNegativeInteger = t.cascade(t.isNumber(), [t.isInteger(), t.isAtLeast(0)]);
const isPositiveInteger = t.cascade(t.isNumber(), [t.isInteger(), t.isAtLeast(1)]);
/** "all" (every resident of the start year) or a whole number of at least 1. */
function parsePatients(value: string | undefined): number | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'all') return 'all';
  const count = Number(value);
  if (value.trim() === '' || Number.isNaN(count))
    throw new UsageError(`--patients must be a number or "all" (got "${value}")`);
  if (count < 1) throw new UsageError(`--patients must be at least 1 (got ${value})`);
  if (!Number.isInteger(count))
    throw new UsageError(`--patients must be a whole number (got ${value})`);
  return count;
}

export class GenerateCommand extends LmSynthCommand {
  static override paths = [['generate']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'generate the synthetic dataset',
    details: `
      Generates every table of the scenario — dimensions, population projections, ED baseline rates, patients, ED encounters, inpatient stays and daily capacity — and writes them to \`--out\` as Parquet and CSV (the default, \`--format parquet,csv\`), or any of Parquet, CSV and Arrow IPC alone or together, all from one generation; the best-read one (Parquet, then Arrow, then CSV) being the one status, validate, load and serve read — with a \`datapackage.json\` manifest, the merged scenario as \`scenario.yaml\`, SDV \`metadata.json\` and an embedded DuckDB database \`lm_synth.duckdb\`.

      The same scenario, seed and version give byte-identical files whatever \`--workers\` is. Output is written to a temporary directory and renamed into place, so \`--out\` holds either a complete dataset or nothing; an existing dataset is replaced only with \`--force\`, and never when \`--out\` holds files lm-synth did not write (checked when the run starts and again before the rename, exit code 2). SIGINT or SIGTERM (Ctrl-C) removes the temporary directory and exits with 130 or 143.

      All data is synthetic and fictional, for non-production testing.
    `,
    examples: [
      ['Generate the default dataset into ./out', '$0 generate'],
      [
        'The blueprint invocation',
        '$0 generate --patients 50000 --start-year 2025 --years 10 --config ./configs/lower_mainland_defaults.yaml --out ./out --format parquet --seed 42',
      ],
      ['CSV without inpatient stays, replacing ./out', '$0 generate --format csv --no-ip --force'],
      ['Parquet only, no CSV copy', '$0 generate --format parquet --force'],
      [
        'A million patients, partitioned',
        '$0 generate --patients 1000000 --no-unique-qi --partition-by year,site --format parquet --out ./big',
      ],
    ],
  });

  patients = Option.String('--patients', {
    description:
      'Residents sampled at the start, or "all" for every resident (default: the scenario, 50,000); births and in-migrants join them',
  });
  startYear = Option.String('--start-year', {
    description: 'First projection year (default: the scenario)',
    validator: isPositiveInteger,
  });
  years = Option.String('--years', {
    description: 'Projection horizon in years (default: the scenario, 10)',
    validator: isPositiveInteger,
  });
  encounterYears = Option.String('--encounter-years', {
    description:
      'Years of the open cohort, ED encounters, inpatient stays and capacity from the start year (default: the horizon)',
    validator: isPositiveInteger,
  });
  configs = configFilesOption();
  out = Option.String('--out', './out', { description: 'Output directory (default ./out)' });
  // Named as users type them, so that help shows --no-ed (the default is on).
  noEd = Option.Boolean('--no-ed', false, { description: 'Leave out ED encounters' });
  noIp = Option.Boolean('--no-ip', false, {
    description: 'Leave out inpatient stays and daily capacity',
  });
  // Parquet for Fabric / Power BI and every reader here, CSV beside the code (blueprint §14).
  format = Option.String('--format', 'parquet,csv', {
    description:
      'parquet, csv or arrow, or several comma-separated, written from one generation (default parquet,csv)',
  });
  seed = Option.String('--seed', {
    description: 'Run seed (default: the scenario, 42)',
    validator: isNonNegativeInteger,
  });
  workers = Option.String('--workers', {
    description:
      'Generator worker threads (default: the number of cores minus one, 0 on 2 cores; 0 generates in the main thread); never changes the output',
    validator: isNonNegativeInteger,
  });
  partitionBy = Option.String('--partition-by', {
    description: 'Hive-partition the large fact tables by year and/or site, e.g. year,site',
  });
  noUniqueQi = Option.Boolean('--no-unique-qi', false, {
    description:
      'Allow patients to share (DOB, LHA, gender); needed beyond about 70,000 patients (by default they are unique)',
  });
  noDuckdb = Option.Boolean('--no-duckdb', false, {
    description: 'Do not write lm_synth.duckdb (written by default)',
  });
  force = Option.Boolean('--force', false, { description: 'Replace an existing dataset in --out' });
  mysql = Option.String('--mysql', {
    description:
      'Load straight into MySQL/MariaDB instead of writing files: mysql://user@host:3306/database (password from LM_SYNTH_MYSQL_PASSWORD, MYSQL_PWD or ~/.my.cnf)',
  });
  createDatabase = Option.Boolean('--create-database', false, {
    description: 'With --mysql: create the database if it does not exist',
  });
  tlsCa = Option.String('--tls-ca', { description: 'With --mysql: CA certificate file for TLS' });
  insecureTls = Option.Boolean('--insecure-tls', false, {
    description: 'With --mysql: encrypt without verifying the server certificate',
  });
  json = Option.Boolean('--json', false, {
    description: 'Print a machine-readable summary on stdout',
  });

  async run(): Promise<number> {
    const format = this.parseFormats();
    const partitionBy = this.parsePartitionBy();
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    const { generateDataset, planDataset } = await import('@lm-synth/generators');
    const plan = planDataset(scenario, {
      patients: parsePatients(this.patients),
      startYear: this.startYear,
      horizonYears: this.years,
      encounterYears: this.encounterYears,
      withEd: !this.noEd,
      withIp: !this.noIp,
      seed: this.seed,
      workers: this.workers,
      uniqueQuasiIdentifiers: !this.noUniqueQi,
    });
    const started = performance.now();
    if (this.mysql !== undefined) return this.loadIntoMysql(plan, started);
    const progress = new ProgressReporter(this.context.stderr, this.context.env);
    // Worker threads, if any, start generating while the writer loads.
    const source = generateDataset(plan);
    const { writeDataset } = await import('@lm-synth/export-arrow');
    const outDir = resolve(this.out);
    const outcome = await interruptible((signal) =>
      writeDataset(source, {
        signal,
        outDir,
        format,
        force: this.force,
        partitionBy,
        duckdb: !this.noDuckdb,
        onProgress: progress.onProgress,
      }),
    );
    progress.done();
    if (!outcome.completed) {
      this.context.stderr.write(
        `${this.cli.binaryName}: interrupted by ${outcome.signal}; removed the temporary directory, ${outDir} is as it was\n`,
      );
      return outcome.exitCode;
    }
    const summary = outcome.value;
    const elapsedSeconds = (performance.now() - started) / 1000;
    if (this.json) {
      this.context.stdout.write(
        `${JSON.stringify({ ok: true, ...summary, elapsedSeconds }, null, 2)}\n`,
      );
      return ExitCode.Ok;
    }
    const rows = summary.tables.map((table) => [
      table.name,
      table.files.length <= 2 ? table.files.join(', ') : `${table.files.length} files`,
      table.rows.toLocaleString('en-US'),
      table.bytes.toLocaleString('en-US'),
    ]);
    this.context.stdout.write(
      [
        ...formatTextTable(['table', 'file', 'rows', 'bytes'], rows, new Set([2, 3])),
        '',
        `${summary.rows.toLocaleString('en-US')} rows, ${summary.bytes.toLocaleString('en-US')} bytes in ${summary.outDir} (${elapsedSeconds.toFixed(2)} s)`,
        'Synthetic data, for non-production testing.',
        '',
      ].join('\n'),
    );
    return ExitCode.Ok;
  }

  /** `--mysql`: the generators' streams go through LOAD DATA LOCAL with no temporary files. */
  private async loadIntoMysql(plan: DatasetPlan, started: number): Promise<number> {
    const connection = await mysqlConnection(
      { url: this.mysql, tlsCa: this.tlsCa, insecureTls: this.insecureTls },
      this.context,
    );
    const [{ generateDataset }, { loadDataset }] = await Promise.all([
      import('@lm-synth/generators'),
      import('@lm-synth/mysql-sink'),
    ]);
    const report = await loadDataset(generateDataset(plan), connection, {
      createDatabase: this.createDatabase,
      onMessage: (message, kind) => {
        if (kind === 'warning') this.context.stderr.write(`${message}\n`);
      },
    });
    const elapsedSeconds = (performance.now() - started) / 1000;
    this.context.stdout.write(
      this.json
        ? `${JSON.stringify({ ...report, elapsedSeconds }, null, 2)}\n`
        : `${formatLoadReport(report)}Synthetic data, for non-production testing.\n`,
    );
    return report.verification.ok ? ExitCode.Ok : ExitCode.Findings;
  }

  private parseFormats(): OutputFormat[] {
    const formats = this.format.split(',').map((format) => format.trim().toLowerCase());
    for (const format of formats) {
      if (!FORMATS.includes(format as OutputFormat)) {
        throw new UsageError(
          `--format must be one or more of ${FORMATS.join(', ')}, comma-separated (got "${this.format}")`,
        );
      }
    }
    return [...new Set(formats as OutputFormat[])];
  }

  private parsePartitionBy(): PartitionColumn[] {
    if (this.partitionBy === undefined) return [];
    const columns = this.partitionBy.split(',').map((column) => column.trim());
    for (const column of columns) {
      if (!PARTITION_COLUMNS.includes(column as PartitionColumn)) {
        throw new UsageError(
          `--partition-by: unknown partition column "${column}"; use year, site or year,site`,
        );
      }
    }
    // Said here in the flags' words; the library says it in its options' words.
    if (columns.length > 0 && !this.parseFormats().includes('parquet'))
      throw new UsageError('--partition-by needs --format parquet');
    return columns as PartitionColumn[];
  }
}
