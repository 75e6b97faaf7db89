import { lstat, readdir, rename, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Moves every entry of `from` into `to` where `to` has nothing by that name,
 * merging real directories present in both, and removes `from` if that
 * empties it. What cannot move (a name taken by a file in `to`) stays in
 * `from`: nothing is ever deleted. Returns whether `from` is gone.
 */
export async function carryAcross(from: string, to: string): Promise<boolean> {
  for (const entry of await readdir(from)) {
    const source = join(from, entry);
    const destination = join(to, entry);
    const existing = await lstat(destination).catch(() => null);
    if (existing === null) {
      await rename(source, destination);
    } else if (existing.isDirectory() && (await lstat(source)).isDirectory()) {
      await carryAcross(source, destination);
    }
  }
  if ((await readdir(from)).length > 0) return false;
  await rmdir(from);
  return true;
}
