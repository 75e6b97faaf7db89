import type { RecordBatch } from 'apache-arrow';

/** Writes one table's canonical batches to its file(s) in the dataset directory. */
export interface TableFileWriter {
  write(batch: RecordBatch): Promise<void>;
  /** Finishes the file(s); returns their paths relative to the dataset directory. */
  close(): Promise<readonly string[]>;
  /** Releases the file after a failure. */
  abort(): Promise<void>;
}
