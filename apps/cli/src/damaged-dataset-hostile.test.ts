import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGeneratedDataset } from './test-generated-dataset.js';
import { runCli } from './test-run-cli.js';

// Damaged datasets through every command that reads one: the documented exit codes, one line
// naming the file, never DuckDB's internal SQL.
const { root, dataset } = useGeneratedDataset('cli-damaged', 500);

const DAMAGES = [
  ['truncated', (dir: string) => truncateSync(join(dir, 'patients.parquet'), 100)],
  ['missing', (dir: string) => rmSync(join(dir, 'patients.parquet'))],
] as const;

describe.each(DAMAGES)('a dataset with a %s data file', (kind, damage) => {
  const dir = join(root, kind);
  beforeAll(() => {
    cpSync(dataset, dir, { recursive: true });
    damage(dir);
  });

  it('validate exits 1 with the manifest gate naming the file', async () => {
    const result = await runCli(['validate', '--in', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL +manifest +.*patients\.parquet/m);
  });

  it('sql exits 2 with one line naming the file', async () => {
    const result = await runCli(['sql', '--in', dir, 'SELECT count(*) FROM dim_site']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: .* is damaged: patients\.parquet [^\n]*\n$/);
    expect(result.stdout).toBe('');
  });

  it('serve exits 2 with one line naming the file, before listening', async () => {
    const result = await runCli(['serve', '--in', dir, '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: .* is damaged: patients\.parquet [^\n]*\n$/);
  });
});

describe('a data file corrupted in the middle, its size unchanged', () => {
  const dir = join(root, 'corrupted');
  beforeAll(() => {
    cpSync(dataset, dir, { recursive: true });
    const file = join(dir, 'patients.parquet');
    const bytes = readFileSync(file);
    // Zeroes over data pages: the footer still reads, the rows do not.
    bytes.fill(0, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2));
    writeFileSync(file, bytes);
  });

  it('sql exits 2 with one line naming the file when a query reads it', async () => {
    const result = await runCli([
      'sql',
      '--in',
      dir,
      'SELECT count(*) FROM (SELECT DISTINCT * FROM patients)',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: .* is damaged: .*patients\.parquet[^\n]*\n$/);
  });

  it('serve exits 2 with one line naming the file, never Internal Error', async () => {
    const result = await runCli(['serve', '--in', dir, '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: .* is damaged: .*patients\.parquet[^\n]*\n$/);
  });
});
