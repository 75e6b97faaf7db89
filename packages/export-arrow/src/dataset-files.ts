/** Files lm-synth writes beside the table files of a dataset. */
export const DATASET_FILES = {
  /** Frictionless data package: the manifest, written last. */
  manifest: 'datapackage.json',
  /** SDV multi-table metadata. */
  sdvMetadata: 'metadata.json',
  /** The merged scenario the rows were generated from, named and hashed in the manifest. */
  scenario: 'scenario.yaml',
  /** Embedded DuckDB database with every table, its keys and the sample views. */
  duckdb: 'lm_synth.duckdb',
} as const;
