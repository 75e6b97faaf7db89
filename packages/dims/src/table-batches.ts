import type { RecordBatch } from 'apache-arrow';
import type { TableDefinition } from './table-definition.js';

/**
 * One table of a dataset stream: its catalogue definition and its rows as record batches
 * carrying `arrowSchema(table)`; zero batches is an empty table. Generators produce it,
 * the writers and the loader consume it: one shape for all of them.
 */
export interface TableBatches {
  readonly table: TableDefinition;
  readonly batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}
