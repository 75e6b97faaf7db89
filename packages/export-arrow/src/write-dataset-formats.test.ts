import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDataset } from './clean-dataset.js';
import { readManifest } from './manifest/read-manifest.js';
import { verifyDataset } from './manifest/verify-dataset.js';
import { openDataset } from './open-dataset.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { writeDataset } from './write-dataset.js';
import type { OutputFormat } from './write-dataset-types.js';

const tempDir = useTempDir();
const fixture = { patients: 150 };

async function write(format: OutputFormat | OutputFormat[]) {
  const outDir = join(await tempDir(), 'out');
  const summary = await writeDataset(fixtureDataset(fixture), { outDir, format, duckdb: false });
  return { outDir, summary };
}

describe('writeDataset with several formats', () => {
  it('writes each format byte for byte as alone, the best-read one primary, the others as copies', async () => {
    const both = await write(['csv', 'parquet']);
    const csv = await write('csv');
    const parquet = await write('parquet');
    expect(both.summary.format).toBe('parquet');
    expect(both.summary.formats).toEqual(['parquet', 'csv']);
    const manifest = await readManifest(both.outDir);
    expect(manifest.lm_synth.format).toBe('parquet');
    expect(manifest.resources.every((resource) => resource.format === 'parquet')).toBe(true);
    expect(manifest.lm_synth.copies?.map((copy) => copy.format)).toEqual(['csv']);
    for (const [single, suffix] of [
      [csv.outDir, '.csv'],
      [parquet.outDir, '.parquet'],
    ] as const) {
      const files = (await readdir(single)).filter((file) => file.endsWith(suffix));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        expect(await readFile(join(both.outDir, file)), file).toEqual(
          await readFile(join(single, file)),
        );
      }
    }
    const singles = await Promise.all([readManifest(csv.outDir), readManifest(parquet.outDir)]);
    const copy = manifest.lm_synth.copies![0]!.resources;
    expect(copy.map((resource) => resource.hash)).toEqual(singles[0].resources.map((r) => r.hash));
    expect(manifest.resources.map((r) => r.hash)).toEqual(singles[1].resources.map((r) => r.hash));
    expect(both.summary.bytes).toBe(
      [...singles[0].resources, ...singles[1].resources].reduce((sum, r) => sum + r.bytes, 0),
    );
  });

  it('reads the primary format, checks and cleans every copy', async () => {
    const { outDir } = await write(['arrow', 'csv']);
    const dataset = await openDataset(outDir);
    try {
      expect(dataset.manifest.lm_synth.format).toBe('arrow');
      const reader = await dataset.connection.runAndReadAll('SELECT count(*) AS n FROM patients');
      expect(Number(reader.getRowObjects()[0]!.n)).toBeGreaterThan(0);
    } finally {
      dataset.close();
    }
    expect((await verifyDataset(outDir)).ok).toBe(true);
    await appendFile(join(outDir, 'patients.csv'), 'x\n');
    const check = await verifyDataset(outDir);
    expect(check.ok).toBe(false);
    expect(check.resources.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual([
      'patients (csv)',
    ]);
    await cleanDataset(outDir);
    expect(await readdir(outDir).catch(() => [])).toEqual([]);
  });

  it('refuses partitioning without Parquet among the formats, and allows it with', async () => {
    const root = await tempDir();
    await expect(
      writeDataset(fixtureDataset(fixture), {
        outDir: join(root, 'a'),
        format: ['csv', 'arrow'],
        partitionBy: ['year'],
      }),
    ).rejects.toMatchObject({ isInputError: true, message: 'partitionBy needs format parquet' });
    const summary = await writeDataset(fixtureDataset(fixture), {
      outDir: join(root, 'b'),
      format: ['csv', 'parquet'],
      partitionBy: ['year'],
      duckdb: false,
    });
    expect(summary.formats).toEqual(['parquet', 'csv']);
    expect((await verifyDataset(join(root, 'b'))).ok).toBe(true);
  });
});
