import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import type { TsvStream } from './tsv-stream.js';

/** One table as the loader consumes it, whichever source it came from. */
export interface SourceTable {
  readonly table: TableDefinition;
  /** Rows the source declares (datapackage.json); checked against the rows loaded. */
  readonly expectedRows?: number;
  /** The rows as Arrow batches, for the native-text serialiser and the INSERT fallback. */
  batches(): AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  /** The rows already as LOAD DATA's native text (CSV files rewritten as they stream), when the source has them. */
  nativeText?(): TsvStream;
}
