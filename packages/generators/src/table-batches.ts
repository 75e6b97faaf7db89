import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';

/** One table of a generated dataset: its catalogue definition and its rows as record batches carrying arrowSchema(table). */
export interface TableBatches {
  readonly table: TableDefinition;
  readonly batches: AsyncIterable<RecordBatch>;
}
