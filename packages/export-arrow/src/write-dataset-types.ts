export type OutputFormat = 'parquet' | 'csv' | 'arrow';

/** Hive partition keys for the large fact tables (Parquet only). */
export type PartitionColumn = 'year' | 'site';

export type WriteProgressEvent =
  | { readonly type: 'table-started'; readonly table: string }
  | { readonly type: 'rows-written'; readonly table: string; readonly rows: number }
  | { readonly type: 'table-finished'; readonly table: string; readonly rows: number }
  | { readonly type: 'finishing' };

export interface WriteDatasetOptions {
  readonly outDir: string;
  /**
   * One format, or several written from the same rows in one pass: the best-read one
   * (see FORMATS_BY_PREFERENCE) is primary, the others are recorded as copies.
   */
  readonly format: OutputFormat | readonly OutputFormat[];
  /** Replace an existing lm-synth output directory. */
  readonly force?: boolean;
  readonly partitionBy?: readonly PartitionColumn[];
  /** Also write lm_synth.duckdb with every table, its keys and the sample views (default true). */
  readonly duckdb?: boolean;
  readonly onProgress?: (event: WriteProgressEvent) => void;
  /**
   * Stops the run (e.g. on SIGINT): writeDataset removes its temporary
   * directory and rejects with the signal's reason. Checked between batches
   * and before the commit, never during it: once the rename starts, the new
   * dataset goes into place.
   */
  readonly signal?: AbortSignal;
}

export interface TableSummary {
  readonly name: string;
  /** Paths relative to the output directory, sorted; every format's. */
  readonly files: readonly string[];
  readonly rows: number;
  readonly bytes: number;
}

export interface WriteSummary {
  readonly outDir: string;
  /** The primary format. */
  readonly format: OutputFormat;
  /** Every format written, the primary first. */
  readonly formats: readonly OutputFormat[];
  readonly tables: readonly TableSummary[];
  readonly rows: number;
  readonly bytes: number;
}
