import { rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from './open-dataset.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { writeDataset } from './write-dataset.js';
import type { OutputFormat } from './write-dataset-types.js';

const tempDir = useTempDir();
const FORMATS: readonly OutputFormat[] = ['parquet', 'csv', 'arrow'];

async function dataset(format: OutputFormat): Promise<string> {
  const outDir = join(await tempDir(), 'out');
  await writeDataset(fixtureDataset({ patients: 50 }), {
    outDir,
    format,
    duckdb: false,
  });
  return outDir;
}

const failure = (dir: string) =>
  openDataset(dir).then(
    (dataset) => {
      dataset.close();
      return null;
    },
    (error: unknown) => error as Error,
  );

describe.each(FORMATS)('openDataset on a damaged %s dataset', (format) => {
  it('refuses a truncated data file in one line naming it', async () => {
    const dir = await dataset(format);
    await truncate(join(dir, `patients.${format}`), 100);
    const error = await failure(dir);
    expect(error).toMatchObject({ isInputError: true });
    expect(error?.message).toContain(`patients.${format}`);
    expect(error?.message).not.toContain('\n');
  });

  it('refuses a missing data file in one line naming it', async () => {
    const dir = await dataset(format);
    await rm(join(dir, `ed_encounters.${format}`));
    const error = await failure(dir);
    expect(error).toMatchObject({ isInputError: true });
    expect(error?.message).toContain(`ed_encounters.${format}`);
    expect(error?.message).not.toContain('\n');
  });
});
