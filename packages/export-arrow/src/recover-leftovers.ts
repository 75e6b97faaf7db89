import { lstat, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { retireOldDataset } from './retire-old-dataset.js';

const LEFTOVER = /^\.(.+)\.lm-synth-(tmp|old)-(\d+)$/;

/**
 * Tidies what dead runs writing `<parent>/<name>` left behind (see
 * OutputDirectory): deletes their temporary directories, puts a stranded
 * previous dataset back if `target` is missing, otherwise retires it without
 * deleting anything lm-synth did not write. Directories of live runs are left
 * alone. Returns the names of the leftovers dealt with.
 */
export async function recoverLeftovers(
  parent: string,
  name: string,
  target: string,
): Promise<string[]> {
  const recovered: string[] = [];
  for (const entry of await readdir(parent)) {
    const match = LEFTOVER.exec(entry);
    if (!match || match[1] !== name) continue;
    const pid = Number(match[3]);
    // A live process other than this one is writing that directory right now.
    if (pid !== process.pid && isAlive(pid)) continue;
    const path = join(parent, entry);
    // Every leftover of a run is a real directory; a link or file by that name is someone else's.
    if (!(await lstat(path)).isDirectory()) continue;
    if (match[2] === 'tmp') await rm(path, { recursive: true, force: true });
    else if (!(await exists(target))) await rename(path, target);
    else await retireOldDataset(path, target);
    recovered.push(entry);
  }
  return recovered;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
