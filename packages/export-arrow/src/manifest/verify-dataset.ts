import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES } from '../dataset-files.js';
import type { DatasetManifest } from './dataset-manifest.js';
import { readManifest } from './read-manifest.js';
import { resourceDigest } from './resource-digest.js';

export type ResourceStatus = 'ok' | 'missing' | 'modified';

export interface ResourceCheck {
  /** The table; a copy in another format is named `<table> (<format>)`. */
  readonly name: string;
  readonly rows: number;
  /** Bytes the manifest records. */
  readonly bytes: number;
  readonly status: ResourceStatus;
  /** Files of the resource that are not there. */
  readonly missing: readonly string[];
}

export interface CompanionCheck {
  readonly path: string;
  /** 'modified' only for scenario.yaml, the one companion the manifest hashes. */
  readonly status: 'ok' | 'missing' | 'modified';
}

export interface DatasetCheck {
  /** Every resource present with the recorded bytes and hash, and every companion file present. */
  readonly ok: boolean;
  readonly manifest: DatasetManifest;
  readonly resources: readonly ResourceCheck[];
  /**
   * metadata.json, scenario.yaml (checked against its recorded hash) and, when written,
   * lm_synth.duckdb (not hashed: DuckDB files are not byte-stable).
   */
  readonly companions: readonly CompanionCheck[];
}

/**
 * Recomputes bytes and hash of every resource of the dataset in `dir` and
 * compares them with datapackage.json. Throws an input error when there is no
 * valid manifest.
 */
export async function verifyDataset(dir: string): Promise<DatasetCheck> {
  const manifest = await readManifest(dir);
  const resources: ResourceCheck[] = [];
  const copies = (manifest.lm_synth.copies ?? []).flatMap((copy) =>
    copy.resources.map((resource) => ({
      ...resource,
      name: `${resource.name} (${copy.format})`,
      rows: manifest.resources.find((primary) => primary.name === resource.name)?.rows ?? 0,
    })),
  );
  for (const resource of [...manifest.resources, ...copies]) {
    const paths = typeof resource.path === 'string' ? [resource.path] : resource.path;
    const missing: string[] = [];
    for (const path of paths) if (!(await isFile(join(dir, path)))) missing.push(path);
    let status: ResourceStatus = 'missing';
    if (missing.length === 0) {
      const digest = await resourceDigest(dir, resource.path);
      status = digest.bytes === resource.bytes && digest.hash === resource.hash ? 'ok' : 'modified';
    }
    const { name, rows, bytes } = resource;
    resources.push({ name, rows, bytes, status, missing });
  }
  const companionPaths = [
    DATASET_FILES.sdvMetadata,
    ...(manifest.lm_synth.duckdb ? [DATASET_FILES.duckdb] : []),
  ];
  const companions: CompanionCheck[] = [];
  for (const path of companionPaths) {
    companions.push({ path, status: (await isFile(join(dir, path))) ? 'ok' : 'missing' });
  }
  const scenario = manifest.lm_synth.scenario;
  if (scenario) {
    let status: CompanionCheck['status'] = 'missing';
    if (await isFile(join(dir, scenario.path))) {
      const digest = await resourceDigest(dir, scenario.path);
      status = digest.bytes === scenario.bytes && digest.hash === scenario.hash ? 'ok' : 'modified';
    }
    companions.push({ path: scenario.path, status });
  }
  const ok =
    resources.every((resource) => resource.status === 'ok') &&
    companions.every((companion) => companion.status === 'ok');
  return { ok, manifest, resources, companions };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
