import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';

/** One table's rows, as Arrow record batches carrying `arrowSchema(table)`; zero batches is an empty table. */
export interface TableBatches {
  readonly table: TableDefinition;
  readonly batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}

export type OutputFormat = 'parquet' | 'csv' | 'arrow';

/** Hive partition keys for the large fact tables (Parquet only). */
export type PartitionColumn = 'year' | 'site';

/** What produced the dataset; recorded in datapackage.json so that it is reproducible. */
export interface RunMetadata {
  readonly lmSynthVersion: string;
  readonly seed: number;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  /** YYYY-MM-DD */
  readonly referenceDate: string;
  /** IANA time zone of the scenario: profiles are local wall-clock time there, timestamps UTC instants. */
  readonly timeZone: string;
  readonly startYear: number;
  readonly horizonYears: number;
  readonly patients: number;
  readonly uniqueQuasiIdentifiers: boolean;
  readonly withEd: boolean;
  readonly withIp: boolean;
  /** Set when a fitted model (lm-synth model sample) produced the rows: its file's hash. */
  readonly model?: { readonly hash: string; readonly version: number };
}

export type WriteProgressEvent =
  | { readonly type: 'table-started'; readonly table: string }
  | { readonly type: 'rows-written'; readonly table: string; readonly rows: number }
  | { readonly type: 'table-finished'; readonly table: string; readonly rows: number }
  | { readonly type: 'finishing' };

export interface WriteDatasetOptions {
  readonly outDir: string;
  readonly format: OutputFormat;
  /** Replace an existing lm-synth output directory. */
  readonly force?: boolean;
  readonly partitionBy?: readonly PartitionColumn[];
  /** Also write lm_synth.duckdb with every table, its keys and the sample views (default true). */
  readonly duckdb?: boolean;
  readonly run: RunMetadata;
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
  /** Paths relative to the output directory, sorted. */
  readonly files: readonly string[];
  readonly rows: number;
  readonly bytes: number;
}

export interface WriteSummary {
  readonly outDir: string;
  readonly format: OutputFormat;
  readonly tables: readonly TableSummary[];
  readonly rows: number;
  readonly bytes: number;
}
