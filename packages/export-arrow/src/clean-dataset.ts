import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetEntries } from './dataset-entries.js';
import { foreignEntries } from './foreign-entries.js';
import { readManifest } from './manifest/read-manifest.js';

export interface CleanResult {
  /** Files removed, relative to the directory. */
  readonly removed: readonly string[];
  /** Entries lm-synth did not write, left in place. */
  readonly kept: readonly string[];
  /** The directory itself was removed because nothing else was in it. */
  readonly removedDirectory: boolean;
}

/**
 * Removes what lm-synth wrote into `dir` (the files its manifest lists, the
 * SDV metadata, the DuckDB database, then the manifest itself, so that an
 * interrupted clean can run again) and the directory when that empties it.
 * Throws an input error when `dir` holds no lm-synth manifest.
 */
export async function cleanDataset(dir: string): Promise<CleanResult> {
  const manifest = await readManifest(dir);
  const kept = await foreignEntries(dir, manifest);
  const entries = datasetEntries(manifest);
  const removed: string[] = [];
  for (const file of entries.files) {
    try {
      await rm(join(dir, file));
      removed.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const directory of entries.directories) {
    const path = join(dir, directory);
    if (await isEmptyDirectory(path)) await rmdir(path);
  }
  const removedDirectory = await isEmptyDirectory(dir);
  if (removedDirectory) await rmdir(dir);
  return { removed, kept, removedDirectory };
}

async function isEmptyDirectory(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
