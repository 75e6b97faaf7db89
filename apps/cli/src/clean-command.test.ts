import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '@lm-synth/export-arrow';
import { fixtureDataset } from '@lm-synth/export-arrow/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-clean-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function dataset(name: string): Promise<string> {
  const outDir = join(root, name);
  await writeDataset(fixtureDataset({ patients: 50 }), {
    outDir,
    format: 'parquet',
    partitionBy: ['year', 'site'],
  });
  return outDir;
}

describe('lm-synth clean', () => {
  it('removes the dataset, its partition directories and the directory itself', async () => {
    const dir = await dataset('out');
    const result = await runCli(['clean', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Removed \d+ files from .*out and the directory\.\n$/);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps what lm-synth did not write', async () => {
    const dir = await dataset('out');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'ed_encounters', 'mine'));
    const result = await runCli(['clean', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Kept what lm-synth did not write: ed_encounters/mine, notes.txt',
    );
    expect(readdirSync(dir).sort()).toEqual(['ed_encounters', 'notes.txt']);
    expect(readdirSync(join(dir, 'ed_encounters'))).toEqual(['mine']);
  });

  it('refuses a directory without an lm-synth manifest and removes nothing', async () => {
    const dir = join(root, 'other');
    mkdirSync(dir);
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    const result = await runCli(['clean', '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has no datapackage\.json: not an lm-synth dataset/);
    expect(readdirSync(dir)).toEqual(['data.csv']);
  });
});
