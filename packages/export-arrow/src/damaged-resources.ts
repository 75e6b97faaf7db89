import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetManifest } from './manifest/dataset-manifest.js';

/** A table whose files are not what the manifest recorded. */
export interface DamagedResource {
  /** The table's name. */
  readonly name: string;
  /** Its files that are missing, or else all its files. */
  readonly files: readonly string[];
  /** One line naming the files, e.g. `patients.parquet is missing`. */
  readonly problem: string;
}

/**
 * The resources of `manifest` whose files in `dir` are missing or whose size
 * differs from the manifest: a cheap check (no hashing) that catches missing
 * and truncated files before DuckDB or the Arrow reader meets them and fails
 * with a message about its own internals.
 */
export async function damagedResources(
  dir: string,
  manifest: DatasetManifest,
): Promise<DamagedResource[]> {
  const damaged: DamagedResource[] = [];
  for (const resource of manifest.resources) {
    const paths = typeof resource.path === 'string' ? [resource.path] : resource.path;
    const missing: string[] = [];
    let bytes = 0;
    for (const path of paths) {
      const info = await stat(join(dir, path)).catch(() => null);
      if (info?.isFile()) bytes += info.size;
      else missing.push(path);
    }
    const { name } = resource;
    if (missing.length > 0) {
      damaged.push({
        name,
        files: missing,
        problem: `${list(missing)} ${missing.length === 1 ? 'is' : 'are'} missing`,
      });
    } else if (bytes !== resource.bytes) {
      damaged.push({
        name,
        files: paths,
        problem: `${list(paths)} ${paths.length === 1 ? 'is' : 'are'} ${bytes.toLocaleString('en-US')} bytes, the manifest says ${resource.bytes.toLocaleString('en-US')}`,
      });
    }
  }
  return damaged;
}

function list(paths: readonly string[]): string {
  return paths.length <= 3
    ? paths.join(', ')
    : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}
