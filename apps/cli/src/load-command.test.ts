import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '@lm-synth/dims';
import { writeDataset } from '@lm-synth/export-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

/** The mysql2 the loader uses, for the test's own set-up queries. */
interface AdminConnection {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}
const mysql = createRequire(createRequire(import.meta.url).resolve('@lm-synth/mysql-sink'))(
  'mysql2/promise',
) as { createConnection(options: object): Promise<AdminConnection> };

const HOST = '127.0.0.1:3306';
const database = `lm_cli_test_${process.pid}`;
const url = `mysql://root@${HOST}/${database}`;
const user = `lm_cli_${process.pid}`;
const password = `Cli:${process.pid}@secret`;
let admin: AdminConnection;
let dir: string;
let out: string;

beforeAll(async () => {
  admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query('CREATE USER ?@? IDENTIFIED BY ?', [user, '%', password]);
  await admin.query(`GRANT ALL ON \`${database}\`.* TO ?@?`, [user, '%']);
  dir = await mkdtemp(join(tmpdir(), 'lm-synth-cli-load-'));
  out = join(dir, 'out');
  // Every table, empty: enough to drive the command; the loader's own tests check the rows.
  await writeDataset(
    Object.assign(
      CATALOGUE.map((table) => ({ table, batches: [] })),
      {
        run: {
          lmSynthVersion: '0.0.0-test',
          seed: 1,
          scenarioId: 'cli-test',
          scenarioHash: `sha256:${'0'.repeat(64)}`,
          referenceDate: '2025-01-01',
          timeZone: 'America/Vancouver',
          startYear: 2025,
          horizonYears: 1,
          patients: 0,
          uniqueQuasiIdentifiers: false,
          withEd: true,
          withIp: true,
        },
      },
    ),
    {
      outDir: out,
      format: 'csv',
      duckdb: false,
    },
  );
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query('DROP USER IF EXISTS ?@?', [user, '%']);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
});

describe('lm-synth load', () => {
  it('prints the DDL for MySQL 8 or MariaDB without connecting', async () => {
    const mysql8 = await runCli(['load', '--print-ddl']);
    expect(mysql8.code).toBe(0);
    expect(mysql8.stdout).toMatch(/^CREATE TABLE `dim_site` \(/m);
    expect(mysql8.stdout).toContain('COLLATE=utf8mb4_0900_ai_ci');
    const mariadb = await runCli(['load', '--print-ddl', '--server', 'mariadb']);
    expect(mariadb.stdout).toContain('COLLATE=utf8mb4_unicode_520_ci');
    expect(mariadb.stdout).not.toContain('0900');
  });

  it('loads a dataset, creating the database, and prints the verification', async () => {
    const result = await runCli(['load', '--in', out, '--url', url, '--create-database']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^loaded 0 rows into lm_cli_test_\d+ on 127\.0\.0\.1:3306 \(MariaDB /,
    );
    expect(result.stdout).toMatch(/^ed_encounters +0 +0$/m);
    expect(result.stdout).toContain('verification: ok');
    const again = await runCli([
      'load',
      '--in',
      out,
      '--url',
      url,
      '--mode',
      'fail-if-exists',
      '--json',
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^lm-synth: .* already has lm-synth tables .* --mode fail-if-exists refuses to replace them\n$/,
    );
  });

  it('verifies on its own, as JSON, with the URL from LM_SYNTH_MYSQL_URL', async () => {
    await runCli(['load', '--in', out, '--url', url, '--create-database']);
    const result = await runCli(['load', '--verify-only', '--in', out, '--json'], {
      LM_SYNTH_MYSQL_URL: url,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.tables).toHaveLength(CATALOGUE.length);
  });

  it('refuses a password on the command line without echoing it', async () => {
    const result = await runCli([
      'load',
      '--in',
      out,
      '--url',
      `mysql://${user}:${encodeURIComponent(password)}@${HOST}/${database}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/set LM_SYNTH_MYSQL_PASSWORD \(or MYSQL_PWD\) instead/);
    expect(result.stdout + result.stderr).not.toContain(password);
    expect(result.stdout + result.stderr).not.toContain(encodeURIComponent(password));
  });

  it('takes the password from the environment and never prints it, right or wrong', async () => {
    const userUrl = `mysql://${user}@${HOST}/${database}`;
    const ok = await runCli(['load', '--in', out, '--url', userUrl, '--json'], {
      LM_SYNTH_MYSQL_PASSWORD: password,
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(password);
    const wrong = await runCli(['load', '--in', out, '--url', userUrl], {
      MYSQL_PWD: `${password}x`,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      new RegExp(
        `^lm-synth: access denied for user '${user}'@'[^']+' \\(check LM_SYNTH_MYSQL_PASSWORD`,
      ),
    );
    expect(wrong.stdout + wrong.stderr).not.toContain(password);
  });

  it('reads ~/.my.cnf, warning when others can read it; without a terminal it never prompts', async () => {
    const home = join(dir, 'home');
    await rm(home, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(home));
    const userUrl = `mysql://${user}@${HOST}/${database}`;
    const noPassword = await runCli(['load', '--in', out, '--url', userUrl], { HOME: home });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/access denied/);
    await writeFile(join(home, '.my.cnf'), `[client]\npassword="${password}"\n`, { mode: 0o644 });
    const fromFile = await runCli(['load', '--in', out, '--url', userUrl], { HOME: home });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toMatch(
      /\.my\.cnf holds a password and is readable by other users \(mode 0644\); run chmod 600/,
    );
    expect(fromFile.stdout + fromFile.stderr).not.toContain(password);
  });

  it('explains bad input with exit code 2', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [
        ['load', '--in', out],
        {},
        /pass --url mysql:\/\/user@host:3306\/database, or set LM_SYNTH_MYSQL_URL/,
      ],
      [['load', '--url', url], {}, /pass --in DIR/],
      [
        ['load', '--in', out, '--url', 'mysql://root@127.0.0.1:3307/x'],
        {},
        /cannot connect to 127\.0\.0\.1:3307: connection refused/,
      ],
      [['load', '--in', join(dir, 'nowhere'), '--url', url], {}, /has no datapackage\.json/],
      [
        ['load', '--in', out, '--url', url, '--tls-ca', join(dir, 'missing.pem')],
        {},
        /cannot read --tls-ca .*missing\.pem: ENOENT/,
      ],
      [
        ['load', '--in', out, '--url', url, '--server', 'mariadb'],
        {},
        /--server only applies to --print-ddl/,
      ],
      [['load', '--in', out, '--url', url, '--mode', 'sideways'], {}, /--mode/],
    ];
    for (const [args, env, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('keeps the password out of its process arguments', async () => {
    const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [bin, 'load', '--verify-only', '--url', `mysql://${user}@${HOST}/${database}`],
      {
        env: { ...process.env, LM_SYNTH_MYSQL_PASSWORD: password },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const cmdline = await readFile(`/proc/${child.pid}/cmdline`, 'utf8');
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const [code] = await once(child, 'exit');
    expect(cmdline).toContain('--verify-only');
    expect(cmdline).not.toContain(password);
    expect(output).not.toContain(password);
    expect(code, output).toBe(0);
  });
});
