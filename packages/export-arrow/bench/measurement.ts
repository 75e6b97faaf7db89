/** The paths the benchmark compares; each runs in its own process so that its peak RSS is its own. */
export const PATHS = [
  'writeDataset parquet, no duckdb',
  'writeDataset parquet + lm_synth.duckdb',
  'parquet-wasm',
  'DuckDB COPY of random ED-shaped rows',
  'writeDataset csv, no duckdb',
  'writeDataset arrow, no duckdb',
] as const;

export type PathName = (typeof PATHS)[number];

export interface Measurement {
  readonly path: PathName;
  readonly factRows: number;
  readonly seconds: number;
  /** Time the input batches took to build, included in `seconds`. */
  readonly generationSeconds: number;
  readonly peakRssMb: number;
}
