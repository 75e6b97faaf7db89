import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import type { OutputFormat } from '@lm-synth/export-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDataset } from './test-write-dataset.js';
import { validate } from './validate.js';

const scenario = defaultScenario();
const FORMATS: readonly OutputFormat[] = ['parquet', 'csv', 'arrow'];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lm-synth-validate-hostile-'));
  for (const format of FORMATS) {
    await writeTestDataset(join(root, format), { patients: 300, seed: 3, format });
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function damaged(format: OutputFormat, damage: (dir: string) => Promise<void>) {
  const dir = join(root, `${format}-${Math.random().toString(36).slice(2)}`);
  await cp(join(root, format), dir, { recursive: true });
  await damage(dir);
  return dir;
}

describe.each(FORMATS)('validate on a damaged %s dataset', (format) => {
  it('fails the manifest gate naming a truncated file, and reports the rest', async () => {
    const dir = await damaged(format, (path) => truncate(join(path, `patients.${format}`), 100));
    const report = await validate(dir, scenario);
    expect(report.ok).toBe(false);
    const manifest = report.gates.find((gate) => gate.id === 'manifest');
    expect(manifest?.status).toBe('fail');
    expect(manifest?.message).toContain(`patients.${format}`);
    // Gates that need an unreadable table do not run (a CSV cut after its header still reads,
    // as no rows); the others still do.
    const needsPatients = report.gates.find((gate) => gate.id === 'dob-age-group');
    if (format !== 'csv') {
      expect(needsPatients).toMatchObject({ status: 'info' });
      expect(needsPatients?.message).toContain(`patients.${format}`);
    }
    expect(report.gates.find((gate) => gate.id === 'program-coverage')?.status).not.toBe('info');
  });

  it('fails the manifest gate naming a missing file', async () => {
    const dir = await damaged(format, (path) => rm(join(path, `ed_encounters.${format}`)));
    const report = await validate(dir, scenario);
    expect(report.ok).toBe(false);
    const manifest = report.gates.find((gate) => gate.id === 'manifest');
    expect(manifest?.status).toBe('fail');
    expect(manifest?.message).toContain(`ed_encounters.${format}`);
  });
});

describe('validate on a data file corrupted without changing its size', () => {
  it('fails the manifest gate naming the file rather than refusing the dataset', async () => {
    const dir = await damaged('parquet', async (path) => {
      const file = join(path, 'patients.parquet');
      const bytes = await readFile(file);
      // Parquet's footer length and magic bytes: without them no reader can open the file.
      bytes.fill(0, bytes.length - 8);
      await writeFile(file, bytes);
    });
    const report = await validate(dir, scenario);
    expect(report.ok).toBe(false);
    const manifest = report.gates.find((gate) => gate.id === 'manifest');
    expect(manifest?.status).toBe('fail');
    expect(manifest?.message).toContain('patients.parquet');
  });
});
