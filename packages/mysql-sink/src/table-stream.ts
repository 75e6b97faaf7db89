import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';

/**
 * One table of a dataset as the generators produce it: batches whose schema is
 * `arrowSchema(table)`. A dataset is an async iterable of these in catalogue
 * (foreign-key) order.
 */
export interface TableStream {
  readonly table: TableDefinition;
  readonly batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}
