import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'lm-synth-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile() || name.name === 'lm_synth.duckdb') continue;
    const path = join(name.parentPath, name.name);
    files.set(path.slice(dir.length + 1), readFileSync(path));
  }
  return files;
}

describe('lm-synth generate', () => {
  it('writes every table, the manifest and the DuckDB database', async () => {
    const out = join(root, 'full');
    const result = await runCli(['generate', '--patients', '1500', '--out', out, '--workers', '0']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('patients.parquet');
    expect(result.stdout).toContain('Synthetic data, for non-production testing.');
    const names = readdirSync(out);
    for (const table of ['dim_site', 'patients', 'ed_encounters', 'ip_stays', 'capacity_daily']) {
      expect(names).toContain(`${table}.parquet`);
    }
    expect(names).toEqual(
      expect.arrayContaining(['datapackage.json', 'metadata.json', 'lm_synth.duckdb']),
    );
  });

  it('is byte-identical whatever the number of workers', async () => {
    const a = join(root, 'w0');
    const b = join(root, 'w2');
    const args = [
      'generate',
      '--patients',
      '3000',
      '--format',
      'csv',
      '--no-duckdb',
      '--seed',
      '7',
    ];
    expect((await runCli([...args, '--out', a, '--workers', '0'])).code).toBe(0);
    expect((await runCli([...args, '--out', b, '--workers', '2'])).code).toBe(0);
    const left = filesOf(a);
    const right = filesOf(b);
    expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
    for (const [name, bytes] of left) expect(right.get(name)?.equals(bytes), name).toBe(true);
  });

  it('--no-ed --no-ip leaves out the fact tables and --json is machine-readable', async () => {
    const out = join(root, 'dims-only');
    const result = await runCli([
      'generate',
      '--patients',
      '200',
      '--no-ed',
      '--no-ip',
      '--out',
      out,
      '--json',
      '--no-duckdb',
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    const tables = summary.tables.map((table: { name: string }) => table.name);
    expect(tables).toContain('patients');
    expect(tables).not.toContain('ed_encounters');
    expect(tables).not.toContain('ip_stays');
  });

  it('--mysql loads the generated streams straight into the database, no files', async () => {
    const database = `lm_cli_generate_${process.pid}`;
    const mysql = createRequire(createRequire(import.meta.url).resolve('@lm-synth/mysql-sink'))(
      'mysql2/promise',
    ) as {
      createConnection(options: object): Promise<{
        query(sql: string): Promise<[unknown, unknown]>;
        end(): Promise<void>;
      }>;
    };
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
    try {
      const out = join(root, 'not-written');
      const result = await runCli([
        'generate',
        '--patients',
        '500',
        '--workers',
        '0',
        '--out',
        out,
        '--create-database',
        '--mysql',
        `mysql://root@127.0.0.1:3306/${database}`,
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(existsSync(out)).toBe(false);
      const [rows] = await admin.query(
        // 500 residents on 1 January of the start year; entrants join them each year.
        `SELECT (SELECT COUNT(*) FROM \`${database}\`.patients WHERE entry_reason = 'Resident') AS patients, (SELECT COUNT(*) FROM \`${database}\`.dim_subprogram) AS subprograms`,
      );
      expect(rows).toEqual([{ patients: 500, subprograms: 48 }]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    }
  });

  it.each([
    [['--patients', '-5'], /--patients/],
    [['--patients', 'many'], /--patients/],
    [['--format', 'xml'], /--format must be one or more of parquet, csv, arrow, comma-separated/],
    [['--format', 'parquet,xlsx'], /--format must be one or more of parquet, csv, arrow/],
    [['--partition-by', 'month'], /unknown partition column "month"/],
    [
      ['--partition-by', 'year', '--format', 'csv'],
      /^lm-synth: --partition-by needs --format parquet\n$/,
    ],
    [['--config', 'missing.yaml'], /missing\.yaml/],
    [['--patients', '5000000'], /--no-unique-qi/],
  ])('rejects %j with exit 2, one message and nothing written', async (flags, message) => {
    const out = join(root, `bad-${flags.join('-').replace(/[^a-z0-9-]/gi, '')}`);
    const result = await runCli(['generate', '--out', out, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a non-empty output directory without --force', async () => {
    const out = join(root, 'occupied');
    await runCli(['generate', '--patients', '100', '--out', out, '--no-duckdb']);
    const again = await runCli(['generate', '--patients', '100', '--out', out, '--no-duckdb']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force|not empty|exists/i);
    const forced = await runCli([
      'generate',
      '--patients',
      '100',
      '--out',
      out,
      '--no-duckdb',
      '--force',
    ]);
    expect(forced.code).toBe(0);
  });
});
