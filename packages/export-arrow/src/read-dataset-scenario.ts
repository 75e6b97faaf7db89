import { join } from 'node:path';
import type { Scenario } from '@lm-synth/config/core';
import { ExportInputError } from './export-input-error.js';
import type { DatasetManifest } from './manifest/dataset-manifest.js';
import { readManifest } from './manifest/read-manifest.js';
import { resourceDigest } from './manifest/resource-digest.js';

export interface DatasetScenario {
  readonly scenario: Scenario;
  /** The scenario file, inside the dataset directory. */
  readonly path: string;
  readonly manifest: DatasetManifest;
}

/**
 * The scenario a dataset was generated from: its scenario.yaml, checked against the size
 * and hash datapackage.json records, loaded and validated. Null for datasets written
 * before datasets carried their scenario. A missing or modified file is an input error.
 */
export async function readDatasetScenario(dir: string): Promise<DatasetScenario | null> {
  const manifest = await readManifest(dir);
  const recorded = manifest.lm_synth.scenario;
  if (recorded === undefined) return null;
  const path = join(dir, recorded.path);
  const digest = await resourceDigest(dir, recorded.path).catch((error: unknown) => {
    throw new ExportInputError(
      `${path} is missing or unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)}); the manifest names it as the dataset's scenario`,
      { cause: error },
    );
  });
  if (digest.bytes !== recorded.bytes || digest.hash !== recorded.hash) {
    throw new ExportInputError(
      `${path} was modified after the dataset was generated (its hash differs from datapackage.json)`,
    );
  }
  // Loaded only here: the YAML reader and schema are not needed to read tables.
  const { loadScenario } = await import('@lm-synth/config');
  return { scenario: await loadScenario([path]), path, manifest };
}
