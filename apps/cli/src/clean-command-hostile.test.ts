import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '@lm-synth/export-arrow';
import { fixtureDataset } from '@lm-synth/export-arrow/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-clean-hostile-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function dataset(name: string): Promise<string> {
  const outDir = join(root, name);
  await writeDataset(fixtureDataset({ patients: 50 }), {
    outDir,
    format: 'csv',
    duckdb: false,
  });
  return outDir;
}

describe('lm-synth clean on hostile paths', () => {
  it('refuses --out LINK to a dataset in one line with exit 2 and removes nothing', async () => {
    const dir = await dataset('out');
    const files = readdirSync(dir);
    symlinkSync(dir, join(root, 'link'));
    const result = await runCli(['clean', '--out', join(root, 'link')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: .*link is a symbolic link \(to .*out\)[^\n]*\n$/);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(files);
  });

  it('removes the temporary directory of a killed generate and says so', async () => {
    const dir = await dataset('out');
    mkdirSync(join(root, '.out.lm-synth-tmp-999999999'));
    const result = await runCli(['clean', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Removed what interrupted runs left beside it: .out.lm-synth-tmp-999999999',
    );
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
