import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli } from './test-run-cli.js';

/**
 * Test helper: a temporary directory `root` for the test file, removed after it, and a dataset
 * generated into `root/out` through the CLI before its tests (Parquet, no DuckDB file, in
 * the calling thread) with `patients` residents.
 */
export function useGeneratedDataset(
  name: string,
  patients: number,
): { readonly root: string; readonly dataset: string } {
  const root = mkdtempSync(join(tmpdir(), `lm-synth-${name}-`));
  const dataset = join(root, 'out');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    const result = await runCli([
      'generate',
      '--patients',
      String(patients),
      '--out',
      dataset,
      '--no-duckdb',
      '--workers',
      '0',
    ]);
    expect(result.code).toBe(0);
  });
  return { root, dataset };
}
