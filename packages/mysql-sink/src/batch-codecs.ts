import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import { type ColumnCodec, columnCodec } from './column-codec.js';

/** The codecs of a batch's columns, in catalogue order, whatever the batch's field order. */
export function batchCodecs(
  table: TableDefinition,
  batch: RecordBatch,
  firstRow: number,
): ColumnCodec[] {
  const positions = new Map(batch.schema.fields.map((field, i) => [field.name, i]));
  return table.columns.map((column) => {
    const position = positions.get(column.name);
    if (position === undefined) {
      throw new Error(`a batch of ${table.name} has no column ${column.name}`);
    }
    const where = (row: number) => `${table.name}.${column.name} row ${firstRow + row + 1}`;
    return columnCodec(column, batch.data.children[position]!, where);
  });
}
