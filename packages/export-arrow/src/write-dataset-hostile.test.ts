import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableBatches } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { verifyDataset } from './manifest/verify-dataset.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { fixtureRunMetadata } from './testing/fixture-run-metadata.js';
import { writeDataset } from './write-dataset.js';

const tempDir = useTempDir();

/** The fixture tables, with `meanwhile` run once, in the middle of the run (after the first table). */
async function* interrupted(meanwhile: () => Promise<void>): AsyncGenerator<TableBatches> {
  let first = true;
  for (const table of fixtureDataset()) {
    yield table;
    if (first) await meanwhile();
    first = false;
  }
}

const write = (outDir: string, source: AsyncIterable<TableBatches>, force = true) =>
  writeDataset(Object.assign(source, { run: fixtureRunMetadata() }), {
    outDir,
    format: 'csv',
    force,
  }).catch((error: unknown) => error as Error);

const leftovers = async (root: string) =>
  (await readdir(root)).filter((entry) => entry.includes('.lm-synth-'));

describe('writeDataset when someone else writes into --out during the run', () => {
  it('--force refuses, naming a file saved into the old dataset meanwhile, and deletes nothing', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    await writeDataset(fixtureDataset(), { outDir, format: 'csv' });
    const error = await write(
      outDir,
      interrupted(async () => {
        await writeFile(join(outDir, 'notebook.ipynb'), 'my work');
        await mkdir(join(outDir, 'figures'));
        await writeFile(join(outDir, 'figures', 'plot.png'), 'png');
      }),
    );
    expect(error).toMatchObject({ isInputError: true });
    expect((error as Error).message).toMatch(/figures, notebook\.ipynb/);
    expect((error as Error).message).not.toContain('\n');
    expect(await readFile(join(outDir, 'notebook.ipynb'), 'utf8')).toBe('my work');
    expect(await readFile(join(outDir, 'figures', 'plot.png'), 'utf8')).toBe('png');
    expect((await verifyDataset(outDir)).ok).toBe(true);
    expect(await leftovers(root)).toEqual([]);
  });

  it('refuses cleanly, not with ENOTEMPTY, when a file appears in an empty --out', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    await mkdir(outDir);
    const error = await write(
      outDir,
      interrupted(() => writeFile(join(outDir, 'notes.txt'), 'mine')),
      false,
    );
    expect(error).toMatchObject({ isInputError: true });
    expect((error as Error).message).toContain('notes.txt');
    expect(await readdir(outDir)).toEqual(['notes.txt']);
    expect(await leftovers(root)).toEqual([]);
  });

  it('refuses cleanly when --out was missing and a directory with files appears there', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    const error = await write(
      outDir,
      interrupted(async () => {
        await mkdir(outDir);
        await writeFile(join(outDir, 'notes.txt'), 'mine');
      }),
      false,
    );
    expect(error).toMatchObject({ isInputError: true });
    expect((error as Error).message).toContain('notes.txt');
    expect(await readdir(outDir)).toEqual(['notes.txt']);
    expect(await leftovers(root)).toEqual([]);
  });

  it('never deletes foreign files found in a dead run’s old dataset: they join the dataset', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    const stranded = join(root, '.out.lm-synth-old-999999999');
    // A run killed after the swap leaves the old dataset beside the new one; a file saved
    // into it in the instant before the swap must survive the next run's tidying.
    await writeDataset(fixtureDataset(), { outDir, format: 'csv' });
    await writeDataset(fixtureDataset(), {
      outDir: stranded,
      format: 'csv',
    });
    await writeFile(join(stranded, 'late.txt'), 'mine');
    const error = await write(
      outDir,
      interrupted(async () => {}),
    );
    // The carried file is foreign to the current dataset, so --force refuses it by name.
    expect((error as Error).message).toContain('late.txt');
    expect(await readFile(join(outDir, 'late.txt'), 'utf8')).toBe('mine');
    expect(existsSync(stranded)).toBe(false);
  });
});

describe('writeDataset aborted by its signal', () => {
  it.each([
    ['between tables', 'table-started'],
    ['while DuckDB finishes the Parquet files', 'finishing'],
  ])('%s rejects with the reason and leaves nothing behind', async (_when, at) => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    const controller = new AbortController();
    const reason = new Error('interrupted by SIGINT');
    const error = await writeDataset(fixtureDataset({ patients: 2_000 }), {
      outDir,
      format: 'parquet',
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === at && !controller.signal.aborted) controller.abort(reason);
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(await readdir(root)).toEqual([]);
  });
});
