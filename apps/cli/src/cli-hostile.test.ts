import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
let root: string;
let dataset: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-hostile-'));
  dataset = join(root, 'out');
  const generated = await runCli([
    'generate',
    '--patients',
    '50',
    '--encounter-years',
    '1',
    '--workers',
    '0',
    '--out',
    dataset,
  ]);
  expect(generated.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Runs the built CLI with its stdout on a real pipe whose reading end is
 * closed at once, as `| head -1` closes it after one line: every write fails
 * with EPIPE.
 */
function runIntoClosedPipe(args: string[]): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => done({ code, stderr }));
  });
}

/** `lm-synth ARGS | head -1` in bash; the CLI's own exit code and stderr. */
function runIntoHead(args: string[]): Promise<Exit & { stdout: string }> {
  const quoted = args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((done) => {
    const child = spawn(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" ${quoted} | head -1; exit "\${PIPESTATUS[0]}"`],
      { env: { ...process.env, CI: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('a reader that stops early', () => {
  const big = "SELECT range AS n, repeat('x', 40) AS pad FROM range(200000)";
  const commands = (): string[][] => [
    ['config', 'print', '--json'],
    ['config', 'print'],
    ['sql', '--in', dataset, '--csv', big],
    ['sql', '--in', dataset, '--json', big],
    ['sql', '--in', dataset, big],
    ['status', '--in', dataset],
    ['status', '--in', dataset, '--json'],
    ['load', '--print-ddl'],
    ['validate', '--in', dataset, '--format', 'json'],
    ['--help'],
    ['generate', '--help'],
    ['--version'],
  ];

  it('ends every command quietly with exit code 0 when stdout is a closed pipe', async () => {
    for (const args of commands()) {
      const { code, stderr } = await runIntoClosedPipe(args);
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });

  it('ends `sql … | head -1` and `config print --json | head -1` quietly with exit code 0', async () => {
    for (const args of [
      ['sql', '--in', dataset, '--csv', big],
      ['config', 'print', '--json'],
    ]) {
      const { code, stdout, stderr } = await runIntoHead(args);
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(stdout.split('\n')).toHaveLength(2);
    }
  });
});

describe('large results', () => {
  it('prints 200,000 rows as an aligned table without overflowing the stack', async () => {
    const result = await runCli(['sql', '--in', dataset, 'SELECT range AS n FROM range(200000)']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(200000 rows)');
  });
});

describe('numeric flags', () => {
  it.each([
    [['generate', '--patients', '-5'], /^lm-synth: --patients must be at least 1 \(got -5\)/],
    [['generate', '--patients', '-0.5'], /^lm-synth: --patients must be /],
    [['generate', '--start-year', '-2025'], /^lm-synth: --start-year must be at least 1/],
    [['generate', '--years', '-1'], /^lm-synth: --years must be at least 1/],
    [['generate', '--encounter-years', '-1'], /^lm-synth: --encounter-years must be at least 1/],
    [['generate', '--seed', '-1'], /^lm-synth: --seed must be at least 0/],
    [['generate', '--workers', '-2'], /^lm-synth: --workers must be at least 0/],
    [['generate', '--patients=-5'], /^lm-synth: --patients must be at least 1 \(got -5\)/],
    [['generate', '--patients', 'many'], /^lm-synth: --patients must be a number or "all"/],
    [['generate', '--patients', '2.5'], /^lm-synth: --patients must be a whole number \(got 2.5\)/],
    [
      ['validate', '--ks-threshold', '-0.1'],
      /^lm-synth: --ks-threshold must be in the \[0; 1\] range/,
    ],
    [['validate', '--corr-threshold', '-2'], /^lm-synth: --corr-threshold must be in/],
    [['serve', '--port', '-1'], /^lm-synth: --port must be in the \[0; 65535\] range/],
  ])('%j: one line naming the flag and its bound, exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes --patients all as every resident, and plans it before writing anything', async () => {
    // 2,215,000 residents cannot have unique quasi-identifiers: planning refuses, naming the way out.
    const result = await runCli([
      'generate',
      '--patients',
      'ALL',
      '--out',
      '/nonexistent/never-written',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: 2,215,000 patients cannot all have a unique/);
    expect(result.stderr).toContain('--no-unique-qi');
  });

  it('still reads a negative-looking positional after --', async () => {
    const result = await runCli(['sql', '--in', dataset, '--csv', '--', '-1 AS n']);
    expect(result.stderr).not.toMatch(/Not enough arguments/);
  });
});

describe('typos', () => {
  it.each([
    [
      ['generate', '--patinets', '5'],
      /^lm-synth: unknown option --patinets for lm-synth generate; did you mean --patients\?/,
    ],
    [['generate', '--fromat', 'csv'], /did you mean --format\?/],
    [['load', '--verfy-only'], /did you mean --verify-only\?/],
    [['generat'], /^lm-synth: unknown command "generat"; did you mean "lm-synth generate"\?/],
    [['config', 'prnt'], /did you mean "lm-synth config print"\?/],
    [['sttaus', '--in', 'x'], /did you mean "lm-synth status"\?/],
    [
      ['generate', '--zzzzzzzz'],
      /^lm-synth: unknown option --zzzzzzzz for lm-synth generate; lm-synth generate --help lists its options/,
    ],
    [['frobnicate'], /^lm-synth: unknown command "frobnicate"; lm-synth --help lists the commands/],
    [['--verison'], /^lm-synth: unknown option --verison for lm-synth; did you mean --version\?/],
    [
      ['config'],
      /^lm-synth: "config" needs a subcommand: lm-synth config init, lm-synth config print/,
    ],
  ])('%j suggests the nearest name in one line, exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('choices', () => {
  it('takes --format and other choices in any case', async () => {
    const out = join(root, 'csv');
    const generated = await runCli([
      'generate',
      '--patients',
      '20',
      '--workers',
      '0',
      '--no-duckdb',
      '--format',
      'CSV',
      '--out',
      out,
    ]);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toContain('.csv');
    const ddl = await runCli(['load', '--print-ddl', '--server', 'MariaDB']);
    expect(ddl.code).toBe(0);
    expect(ddl.stdout).toContain('utf8mb4_unicode_520_ci');
    const validated = await runCli(['validate', '--in', dataset, '--format', 'JSON']);
    expect(validated.stderr).toBe('');
    expect(JSON.parse(validated.stdout)).toMatchObject({ schemaVersion: 1 });
  });

  it('names the choices when none matches', async () => {
    const result = await runCli(['generate', '--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--format must be one or more of parquet, csv, arrow, comma-separated \(got "xlsx"\)/,
    );
  });
});
