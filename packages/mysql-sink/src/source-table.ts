import type { Readable } from 'node:stream';
import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';

/** One table as the loader consumes it, whichever source it came from. */
export interface SourceTable {
  readonly table: TableDefinition;
  /** Rows the source declares (datapackage.json); checked against the rows loaded. */
  readonly expectedRows?: number;
  /** The rows as Arrow batches, for the native-text serialiser and the INSERT fallback. */
  batches(): AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  /** When the source's own bytes can go to LOAD DATA unchanged (CSV files), how. */
  readonly localInfile?: {
    statement(into: string, infileName: string): string;
    open(): Readable;
  };
}
