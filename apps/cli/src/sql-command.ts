import { resolve } from 'node:path';
import type { DuckDBResultReader } from '@duckdb/node-api';
import { Command, Option, UsageError } from 'clipanion';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';
import type { QueryResult } from './sql-command-cells.js';
import { formatCsv } from './sql-command-csv.js';
import { formatJsonRows } from './sql-command-json.js';
import { formatTable } from './sql-command-table.js';

/** DuckDB's errors about the query itself, which no file could have caused. */
const USER_SQL_ERROR = /^(Parser|Binder|Catalog) Error:/;

export class SqlCommand extends LmSynthCommand {
  static override paths = [['sql']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'query a dataset with SQL (DuckDB)',
    details: `
      Opens the dataset in \`--in\` in an in-memory DuckDB, whatever its format: every table of its \`datapackage.json\` is a view over its Parquet, CSV or Arrow files, typed as the catalogue says, and the views \`v_facility_summary\`, \`v_ed_volume_projection\` (blueprint §10, by default facility), \`v_ed_volume_projection_routed\` (by the facility the visits are routed to), \`v_ed_rates\` and \`v_bed_day_rates\` (weighted events per 1,000 by year, LHA, age group and gender), \`v_patient_demographics\` and \`v_ed_arrivals_local\` are there too. Timestamps are UTC instants and shown in UTC; \`timezone('America/Vancouver', arrival_ts)\` (or \`v_ed_arrivals_local\`, in the dataset's own zone) gives local wall-clock time.

      Prints an aligned table by default, a JSON array of objects with \`--json\` (decimals as exact strings) or CSV with \`--csv\`. A SQL error is printed on stderr with exit code 2; so is a damaged dataset (a data file missing, truncated or not matching its manifest), in one line naming the file.

      All data is synthetic and fictional, for non-production testing.
    `,
    examples: [
      ['Patients per home facility', '$0 sql --in ./out "SELECT * FROM v_facility_summary"'],
      [
        'Projected 2030 ED volumes as JSON',
        '$0 sql --in ./out --json "SELECT * FROM v_ed_volume_projection WHERE year = 2030"',
      ],
      [
        'ED visits by disposition as CSV',
        '$0 sql --in ./out --csv "SELECT dispo, count(*) AS visits FROM ed_encounters GROUP BY ALL ORDER BY visits DESC"',
      ],
      ['List the tables and views', '$0 sql --in ./out "SHOW TABLES"'],
    ],
  });

  input = Option.String('--in', './out', { description: 'Dataset directory (default ./out)' });
  json = Option.Boolean('--json', false, { description: 'Print a JSON array of row objects' });
  csv = Option.Boolean('--csv', false, { description: 'Print CSV with a header row' });
  sql = Option.String({ name: 'sql' });

  async run(): Promise<number> {
    if (this.json && this.csv) throw new UsageError('--json and --csv cannot be combined');
    const [{ openDataset }, { queryResult }] = await Promise.all([
      import('@lm-synth/export-arrow'),
      import('./sql-command-cells.js'),
    ]);
    const dir = resolve(this.input);
    const dataset = await openDataset(dir);
    let result: QueryResult;
    try {
      let reader: DuckDBResultReader;
      try {
        reader = await dataset.connection.runAndReadAll(this.sql);
      } catch (error) {
        const message = (error as Error).message;
        const damage = USER_SQL_ERROR.test(message) ? null : await damageOf(dir, message);
        this.context.stderr.write(`${this.cli.binaryName}: ${damage ?? message}\n`);
        return ExitCode.Usage;
      }
      result = queryResult(reader);
    } finally {
      dataset.close();
    }
    const format = this.json ? formatJsonRows : this.csv ? formatCsv : formatTable;
    this.context.stdout.write(format(result));
    return ExitCode.Ok;
  }
}

/**
 * When a query fails reading the data, says which file is damaged (a data
 * file corrupted without changing its size gets past openDataset's check) in
 * one line, rather than the reader's complaint; null when every file matches
 * its manifest.
 */
async function damageOf(dir: string, message: string): Promise<string | null> {
  const { verifyDataset } = await import('@lm-synth/export-arrow');
  const check = await verifyDataset(dir);
  const files = check.resources
    .filter((resource) => resource.status !== 'ok')
    .flatMap((resource) => {
      const path = check.manifest.resources.find((entry) => entry.name === resource.name)?.path;
      return typeof path === 'string' ? [path] : (path ?? []);
    });
  if (files.length === 0) return null;
  return `${dir} is damaged: ${files.join(', ')} ${files.length === 1 ? 'differs' : 'differ'} from the manifest (${message.split('\n')[0]}; lm-synth status checks every file)`;
}
