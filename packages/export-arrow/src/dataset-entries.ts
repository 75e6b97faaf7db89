import { DATASET_FILES } from './dataset-files.js';
import type { DatasetManifest } from './manifest/dataset-manifest.js';

export interface DatasetEntries {
  /** Every file lm-synth may have written, relative to the dataset directory; the manifest last. */
  readonly files: readonly string[];
  /** Directories holding partition files, deepest first. */
  readonly directories: readonly string[];
}

/** What lm-synth wrote into a dataset directory, according to its manifest. */
export function datasetEntries(manifest: DatasetManifest): DatasetEntries {
  const tableFiles = [
    ...manifest.resources,
    ...(manifest.lm_synth.copies ?? []).flatMap((copy) => copy.resources),
  ].flatMap((resource) => (typeof resource.path === 'string' ? [resource.path] : resource.path));
  const directories = new Set<string>();
  for (const file of tableFiles) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(parts.slice(0, i).join('/'));
  }
  return {
    files: [
      ...tableFiles,
      DATASET_FILES.sdvMetadata,
      DATASET_FILES.scenario,
      DATASET_FILES.duckdb,
      `${DATASET_FILES.duckdb}.wal`,
      DATASET_FILES.manifest,
    ],
    directories: [...directories].sort((a, b) => b.split('/').length - a.split('/').length),
  };
}
