import { lstat, readdir, realpath, rmdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ExportInputError } from './export-input-error.js';
import { readManifest } from './manifest/read-manifest.js';
import { recoverLeftovers } from './recover-leftovers.js';
import { removeWrittenFiles } from './remove-written-files.js';

export interface CleanResult {
  /** Files removed, relative to the directory. */
  readonly removed: readonly string[];
  /** Entries lm-synth did not write (symlinks included), left in place with everything below them. */
  readonly kept: readonly string[];
  /** The directory itself was removed because nothing else was in it. */
  readonly removedDirectory: boolean;
  /** Temporary directories of killed runs removed from beside the dataset. */
  readonly leftovers: readonly string[];
}

/**
 * Removes what lm-synth wrote into `dir` (the files its manifest lists, the
 * SDV metadata, the DuckDB database, then the manifest itself, so that an
 * interrupted clean can run again) and the directory when that empties it,
 * after tidying what killed runs left beside it. Never follows a symbolic
 * link and never removes anything at or below an entry it keeps. Throws an
 * input error when `dir` is a symbolic link or holds no lm-synth manifest.
 */
export async function cleanDataset(dir: string): Promise<CleanResult> {
  const target = resolve(dir);
  const info = await lstat(target).catch(() => null);
  if (info?.isSymbolicLink()) {
    const points = await realpath(target).catch(() => 'nowhere');
    throw new ExportInputError(
      `${target} is a symbolic link (to ${points}); clean follows no links: pass the dataset directory itself`,
    );
  }
  const leftovers = await recoverLeftovers(dirname(target), basename(target), target);
  const manifest = await readManifest(target);
  const { removed, kept } = await removeWrittenFiles(target, manifest);
  const removedDirectory = (await readdir(target)).length === 0;
  if (removedDirectory) await rmdir(target);
  return { removed, kept, removedDirectory, leftovers };
}
