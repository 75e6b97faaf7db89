import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '@lm-synth/export-arrow';
import { fixtureDataset } from '@lm-synth/export-arrow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

let root: string;
let dataset: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-status-'));
  dataset = join(root, 'dataset');
  await writeDataset(fixtureDataset(), {
    outDir: dataset,
    format: 'parquet',
    partitionBy: ['year'],
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = join(root, name);
  cpSync(dataset, dir, { recursive: true });
  return dir;
}

describe('lm-synth status', () => {
  it('lists every table as ok and exits 0 for an intact dataset', async () => {
    const result = await runCli(['status', '--in', dataset]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parquet, scenario baseline, seed 1');
    expect(result.stdout).toContain('Synthetic, for non-production testing');
    expect(result.stdout).toMatch(/\npatients +300 +[\d,]+ +ok\n/);
    expect(result.stdout).toMatch(/\nlm_synth\.duckdb +ok\n/);
    expect(result.stdout).toContain('All 15 tables present with matching hashes.');
  });

  it('exits 1 and names what is missing or modified', async () => {
    const dir = copy('damaged');
    appendFileSync(join(dir, 'dim_site.parquet'), 'x');
    rmSync(join(dir, 'ed_encounters', 'year=2025'), { recursive: true });
    rmSync(join(dir, 'metadata.json'));
    const result = await runCli(['status', '--in', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\ndim_site +4 +[\d,]+ +MODIFIED\n/);
    expect(result.stdout).toMatch(/\ned_encounters +\d+ +[\d,]+ +MISSING\n/);
    expect(result.stdout).toContain(
      '3 problems: dim_site MODIFIED, ed_encounters MISSING, metadata.json MISSING.',
    );
    const json = await runCli(['status', '--in', dir, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(
      report.resources.find((r: { name: string }) => r.name === 'ed_encounters').missing,
    ).toEqual(['ed_encounters/year=2025/part-0.parquet']);
  });

  it('exits 2 when the directory holds no lm-synth manifest', async () => {
    const result = await runCli(['status', '--in', join(root, 'nothing')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^lm-synth: .*has no datapackage\.json/);
  });
});
