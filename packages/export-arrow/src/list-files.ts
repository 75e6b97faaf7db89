import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareCodeUnits } from './compare-code-units.js';

/** Every file under `dir`, as '/'-separated paths relative to it, sorted by code unit. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(compareCodeUnits);
}
