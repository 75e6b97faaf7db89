import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetEntries } from './dataset-entries.js';
import { foreignEntries } from './foreign-entries.js';
import type { DatasetManifest } from './manifest/dataset-manifest.js';

export interface RemovedFiles {
  /** Files removed, relative to the directory. */
  readonly removed: readonly string[];
  /** Entries lm-synth did not write (symlinks included), left in place with all below them. */
  readonly kept: readonly string[];
}

/**
 * Removes from `dir` the files `manifest` lists as written by lm-synth, the
 * manifest last (so an interrupted removal can run again), then the partition
 * directories that this empties. Never follows a symbolic link and never
 * touches anything at or below a foreign entry: a table directory swapped for
 * a link must not lead the removal into the directory it points to.
 */
export async function removeWrittenFiles(
  dir: string,
  manifest: DatasetManifest,
): Promise<RemovedFiles> {
  const kept = await foreignEntries(dir, manifest);
  const isKept = (path: string) =>
    kept.some((entry) => path === entry || path.startsWith(`${entry}/`));
  const entries = datasetEntries(manifest);
  const removed: string[] = [];
  for (const file of entries.files) {
    // Checked again at removal: a directory swapped for a link since the listing is not followed.
    if (isKept(file) || (await realEntry(dir, file)) !== 'file') continue;
    try {
      await rm(join(dir, file));
      removed.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const directory of entries.directories) {
    if (isKept(directory) || (await realEntry(dir, directory)) !== 'directory') continue;
    const path = join(dir, directory);
    if ((await readdir(path)).length === 0) await rmdir(path);
  }
  return { removed, kept };
}

/** What `path` (relative to `dir`) is, when neither it nor any directory on the way is a symlink. */
async function realEntry(dir: string, path: string): Promise<'file' | 'directory' | null> {
  const parts = path.split('/');
  let current = dir;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(current);
    } catch {
      return null;
    }
    if (index === parts.length - 1) {
      return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : null;
    }
    if (!info.isDirectory()) return null;
  }
  return null;
}
