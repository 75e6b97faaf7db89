import { resolve } from 'node:path';
import type { LoadMethod, LoadMode } from '@lm-synth/mysql-sink';
import { Command, Option, UsageError } from 'clipanion';
import { ExitCode } from './exit-codes.js';
import { isChoice } from './is-choice.js';
import { LmSynthCommand } from './lm-synth-command.js';
import { mysqlConnection } from './load-command-connection.js';
import { formatLoadReport, formatVerification } from './load-command-report.js';

const MODES = ['replace', 'append', 'fail-if-exists'] as const satisfies readonly LoadMode[];
const METHODS = ['auto', 'load-data', 'insert'] as const satisfies readonly LoadMethod[];
const SERVERS = ['mysql', 'mariadb'] as const;

export class LoadCommand extends LmSynthCommand {
  static override paths = [['load']];

  static override usage = Command.Usage({
    category: 'Database',
    description: 'load a dataset into MySQL 8.0+ or MariaDB 10.6+',
    details: `
      Loads an output directory (checked against its datapackage.json first) into the database named by \`--url\` or \`LM_SYNTH_MYSQL_URL\`, e.g. \`mysql://loader@db.example:3306/lm_synth\`.

      The password is never taken from the command line, where other users could read it: it comes from \`LM_SYNTH_MYSQL_PASSWORD\` or \`MYSQL_PWD\`, the \`[client]\` group of \`~/.my.cnf\` (which should be mode 0600), or a prompt on an interactive terminal. A password inside \`LM_SYNTH_MYSQL_URL\` is accepted; one inside \`--url\` is refused.

      Tables are loaded with LOAD DATA LOCAL INFILE (or batched INSERTs when the server has local_infile off) into staging tables, verified (row counts, foreign and unique keys), then swapped in by one RENAME TABLE: until then the previous tables stay as they were, whatever happens. \`--mode append\` adds rows in one transaction instead; \`--mode fail-if-exists\` refuses a database that already has lm-synth tables.

      After loading, the blueprint's checks are printed: row counts against the manifest, foreign-key orphans, and the ED projection. \`--verify-only\` runs them alone; \`--print-ddl\` prints the schema without connecting. Exit codes: 0 loaded and verified, 1 verification found problems, 2 bad input (URL, password, privileges, files, existing tables that differ). Synthetic data, for non-production testing.
    `,
    examples: [
      [
        'Load ./out',
        'LM_SYNTH_MYSQL_PASSWORD=... $0 load --in ./out --url mysql://loader@127.0.0.1:3306/lm_synth',
      ],
      [
        'Create the database if needed',
        '$0 load --in ./out --url mysql://root@127.0.0.1/lm_synth --create-database',
      ],
      [
        'Check a loaded database against the manifest',
        '$0 load --verify-only --in ./out --url mysql://loader@db/lm_synth',
      ],
      ['Print the MariaDB schema', '$0 load --print-ddl --server mariadb'],
    ],
  });

  input = Option.String('--in', { description: 'Output directory of lm-synth generate' });

  url = Option.String('--url', {
    description:
      'mysql://user@host:3306/database[?ssl-mode=REQUIRED] (default: $LM_SYNTH_MYSQL_URL); no password here',
  });

  createDatabase = Option.Boolean('--create-database', false, {
    description: 'Create the database when it does not exist',
  });

  mode = Option.String('--mode', 'replace', {
    description: 'replace (default), append or fail-if-exists',
    validator: isChoice(MODES),
  });

  method = Option.String('--method', 'auto', {
    description:
      'auto (default: LOAD DATA LOCAL INFILE when the server allows it), load-data or insert',
    validator: isChoice(METHODS),
  });

  tlsCa = Option.String('--tls-ca', {
    description: 'PEM file of the CA that signed the server certificate',
  });

  insecureTls = Option.Boolean('--insecure-tls', false, {
    description: 'Use TLS without checking the server certificate (test servers only)',
  });

  json = Option.Boolean('--json', false, { description: 'Print the report as JSON on stdout' });

  printDdl = Option.Boolean('--print-ddl', false, {
    description: 'Print the CREATE TABLE statements and exit, without connecting',
  });

  server = Option.String('--server', {
    description: 'With --print-ddl: mysql (default, MySQL 8 collation) or mariadb',
    validator: isChoice(SERVERS),
  });

  verifyOnly = Option.Boolean('--verify-only', false, {
    description: 'Only run the verification on the loaded tables (with --in: against its manifest)',
  });

  async run(): Promise<number> {
    const { datasetDdl, loadDataset, verifyDatabase } = await import('@lm-synth/mysql-sink');
    const { stdout } = this.context;
    if (this.printDdl) {
      stdout.write(datasetDdl(this.server ?? 'mysql'));
      return ExitCode.Ok;
    }
    if (this.server !== undefined) {
      throw new UsageError('--server only applies to --print-ddl; a load detects the server');
    }
    const connection = await mysqlConnection(
      { url: this.url, tlsCa: this.tlsCa, insecureTls: this.insecureTls },
      this.context,
    );
    if (this.verifyOnly) {
      const report = await verifyDatabase(
        connection,
        this.input === undefined ? {} : { dataset: resolve(this.input) },
      );
      stdout.write(this.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerification(report));
      return report.ok ? ExitCode.Ok : ExitCode.Findings;
    }
    if (this.input === undefined) {
      throw new UsageError(
        'pass --in DIR, the output directory of lm-synth generate (or --verify-only, --print-ddl)',
      );
    }
    const report = await loadDataset(resolve(this.input), connection, {
      mode: this.mode,
      method: this.method,
      createDatabase: this.createDatabase,
      onMessage: (message, kind) => {
        if (kind === 'warning' || this.showProgress()) this.context.stderr.write(`${message}\n`);
      },
    });
    stdout.write(this.json ? `${JSON.stringify(report, null, 2)}\n` : formatLoadReport(report));
    return report.verification.ok ? ExitCode.Ok : ExitCode.Findings;
  }

  private showProgress(): boolean {
    const stderr = this.context.stderr as { isTTY?: boolean };
    return stderr.isTTY === true && !this.context.env.CI;
  }
}
