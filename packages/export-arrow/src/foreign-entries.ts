import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareCodeUnits } from './compare-code-units.js';
import { datasetEntries } from './dataset-entries.js';
import type { DatasetManifest } from './manifest/dataset-manifest.js';

/**
 * Files and directories in a dataset directory that lm-synth did not write
 * (relative paths, sorted; a foreign directory is listed, not its contents).
 */
export async function foreignEntries(dir: string, manifest: DatasetManifest): Promise<string[]> {
  const entries = datasetEntries(manifest);
  const files = new Set(entries.files);
  const directories = new Set(entries.directories);
  const foreign: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (foreign.some((outside) => path.startsWith(`${outside}/`))) continue;
    const ours = entry.isDirectory() ? directories.has(path) : entry.isFile() && files.has(path);
    if (!ours) foreign.push(path);
  }
  return foreign.sort(compareCodeUnits);
}
