import {
  Bool,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  Schema,
  TimestampMicrosecond,
  Utf8,
} from 'apache-arrow';
import { CATALOGUE } from './catalogue.js';
import type { ColumnDefinition, LogicalType, TableDefinition } from './table-definition.js';

/** Field metadata keys every writer reads to recover the logical type Arrow cannot express. */
export const LOGICAL_TYPE_METADATA_KEY = 'lm_synth:logical_type';
export const DESCRIPTION_METADATA_KEY = 'lm_synth:description';

// Dictionary ids must be unique across the whole dataset for Arrow IPC; derive
// them from the column's position in the catalogue so they never change.
const dictionaryIds = new Map<string, number>();
CATALOGUE.forEach((table, tableIndex) => {
  table.columns.forEach((column, columnIndex) => {
    dictionaryIds.set(`${table.name}.${column.name}`, tableIndex * 100 + columnIndex);
  });
});

function arrowType(table: TableDefinition, column: ColumnDefinition): DataType {
  const type: LogicalType = column.type;
  switch (type.kind) {
    case 'int8':
      return new Int8();
    case 'int16':
      return new Int16();
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    // Decimals travel as doubles already rounded to their scale; writers cast to DECIMAL(p,s).
    case 'float64':
    case 'decimal':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'string':
      return new Utf8();
    case 'enum': {
      const size = type.values?.length ?? Number.POSITIVE_INFINITY;
      const indices = size <= 127 ? new Int8() : new Int32();
      return new Dictionary(new Utf8(), indices, dictionaryIds.get(`${table.name}.${column.name}`));
    }
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new TimestampMicrosecond('UTC');
  }
}

/**
 * The Arrow schema of a catalogue table: explicit, never inferred. Enums are
 * dictionary-encoded strings, dates are days since the epoch, timestamps are
 * UTC microseconds, decimals are doubles carrying their DECIMAL(p,s) in metadata.
 */
export function arrowSchema(table: TableDefinition): Schema {
  const fields = table.columns.map(
    (column) =>
      new Field(
        column.name,
        arrowType(table, column),
        column.nullable,
        new Map([
          [LOGICAL_TYPE_METADATA_KEY, JSON.stringify(column.type)],
          [DESCRIPTION_METADATA_KEY, column.description],
        ]),
      ),
  );
  return new Schema(fields, new Map([['lm_synth:table', table.name]]));
}
