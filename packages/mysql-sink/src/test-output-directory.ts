import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OutputFormat, writeDataset } from '@lm-synth/export-arrow';
import type { TestDataset } from './test-dataset.js';

/** Writes `dataset` as an lm-synth output directory (export-arrow's writer) and removes it after `body`. */
export async function withOutputDirectory<T>(
  dataset: TestDataset,
  format: OutputFormat,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const parent = await mkdtemp(join(tmpdir(), 'lm-synth-sink-out-'));
  const dir = join(parent, 'out');
  try {
    await writeDataset(dataset.withRun(), {
      outDir: dir,
      format,
      duckdb: false,
    });
    return await body(dir);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
