import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDataset } from './clean-dataset.js';
import { listFiles } from './list-files.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { writeDataset } from './write-dataset.js';

const tempDir = useTempDir();

async function partitioned(outDir: string): Promise<void> {
  await writeDataset(fixtureDataset({ patients: 50 }), {
    outDir,
    format: 'parquet',
    partitionBy: ['year'],
    duckdb: false,
  });
}

describe('cleanDataset with symbolic links and other hostile entries', () => {
  it('does not follow a symlinked table directory into the directory it points to', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    // Someone else's files, laid out exactly like the partitions the manifest lists.
    const victim = join(root, 'victim');
    await cp(join(dir, 'ed_encounters'), victim, { recursive: true });
    const theirs = await listFiles(victim);
    expect(theirs.length).toBeGreaterThan(0);
    await rm(join(dir, 'ed_encounters'), { recursive: true });
    await symlink(victim, join(dir, 'ed_encounters'));
    const result = await cleanDataset(dir);
    expect(result.kept).toEqual(['ed_encounters']);
    expect(await listFiles(victim)).toEqual(theirs);
    expect(await readdir(dir)).toEqual(['ed_encounters']);
  });

  it('keeps a listed file replaced by a symlink, and what the link points to', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    const victim = join(root, 'victim.parquet');
    await writeFile(victim, 'theirs');
    await rm(join(dir, 'patients.parquet'));
    await symlink(victim, join(dir, 'patients.parquet'));
    const result = await cleanDataset(dir);
    expect(result.kept).toEqual(['patients.parquet']);
    expect(result.removed).not.toContain('patients.parquet');
    expect(await readFile(victim, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['patients.parquet']);
  });

  it('keeps a partition directory replaced by a symlink, and nothing below it goes', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    const [year] = await readdir(join(dir, 'ed_encounters'));
    const victim = join(root, 'victim');
    await cp(join(dir, 'ed_encounters', year!), victim, { recursive: true });
    await rm(join(dir, 'ed_encounters', year!), { recursive: true });
    await symlink(victim, join(dir, 'ed_encounters', year!));
    const result = await cleanDataset(dir);
    expect(result.kept).toEqual([`ed_encounters/${year}`]);
    expect((await listFiles(victim)).length).toBeGreaterThan(0);
  });

  it('keeps a listed file replaced by a directory, without an error', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    await rm(join(dir, 'patients.parquet'));
    await mkdir(join(dir, 'patients.parquet'));
    await writeFile(join(dir, 'patients.parquet', 'mine.txt'), 'mine');
    const result = await cleanDataset(dir);
    expect(result.kept).toEqual(['patients.parquet']);
    expect(await readFile(join(dir, 'patients.parquet', 'mine.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a symlink to a dataset in one line, naming where it points', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    await symlink(dir, join(root, 'link'));
    const error = await cleanDataset(join(root, 'link')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isInputError: true });
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).not.toContain('\n');
    expect(existsSync(join(dir, 'datapackage.json'))).toBe(true);
    expect(existsSync(join(root, 'link'))).toBe(true);
  });

  it('removes the temporary directory a killed run left beside the dataset, not a live one', async () => {
    const root = await tempDir();
    const dir = join(root, 'out');
    await partitioned(dir);
    await mkdir(join(root, '.out.lm-synth-tmp-999999999'));
    await writeFile(join(root, '.out.lm-synth-tmp-999999999', 'patients.parquet'), 'partial');
    // The test runner's parent is alive: its run is still writing.
    await mkdir(join(root, `.out.lm-synth-tmp-${process.ppid}`));
    const result = await cleanDataset(dir);
    expect(result.leftovers).toEqual(['.out.lm-synth-tmp-999999999']);
    expect(await readdir(root)).toEqual([`.out.lm-synth-tmp-${process.ppid}`]);
  });
});
