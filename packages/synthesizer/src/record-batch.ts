import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import {
  type Data,
  makeData,
  RecordBatch,
  type Schema,
  Struct,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import type { Category } from './marginal.js';

const encoder = new TextEncoder();
const dictionaries = new Map<string, Vector>();

function dictionaryOf(table: TableDefinition, column: ColumnDefinition): Vector | undefined {
  if (column.type.kind !== 'enum') return undefined;
  const key = `${table.name}.${column.name}`;
  let vector = dictionaries.get(key);
  if (!vector) {
    vector = vectorFromArray([...(column.type.values ?? [])], new Utf8());
    dictionaries.set(key, vector);
  }
  return vector;
}

/**
 * Rows of a catalogue table as one Arrow record batch with its schema, from columns of
 * synthesizer values (see columnSql: days, microseconds, doubles, strings). An enum
 * value outside the catalogue's domain is an error: the sample only holds catalogue enums.
 */
export function recordBatch(
  table: TableDefinition,
  schema: Schema,
  columns: Readonly<Record<string, readonly Category[]>>,
): RecordBatch {
  const length = columns[table.columns[0]!.name]?.length ?? 0;
  const children = table.columns.map((column, c) =>
    columnData(table, column, schema.fields[c]!.type, columns[column.name] ?? [], length),
  );
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
  );
}

function columnData(
  table: TableDefinition,
  column: ColumnDefinition,
  type: import('apache-arrow').DataType,
  values: readonly Category[],
  length: number,
): Data {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else bitmap[i >> 3] = bitmap[i >> 3]! | (1 << (i & 7));
  }
  if (nullCount > 0 && !column.nullable) {
    throw new Error(`${table.name}.${column.name} is not nullable but the sample has nulls`);
  }
  const common = { type, length, nullCount, ...(nullCount > 0 ? { nullBitmap: bitmap } : {}) };
  const numbers = <T extends Int8Array | Int16Array | Int32Array | Float64Array>(array: T): T => {
    for (let i = 0; i < length; i++) array[i] = Number(values[i] ?? 0);
    return array;
  };
  const kind = column.type.kind;
  switch (kind) {
    case 'int8':
      return makeData({ ...common, data: numbers(new Int8Array(length)) } as never);
    case 'int16':
      return makeData({ ...common, data: numbers(new Int16Array(length)) } as never);
    case 'int32':
    case 'date':
      return makeData({ ...common, data: numbers(new Int32Array(length)) } as never);
    case 'float64':
    case 'decimal':
      return makeData({ ...common, data: numbers(new Float64Array(length)) } as never);
    case 'int64':
    case 'timestamp': {
      const data = new BigInt64Array(length);
      for (let i = 0; i < length; i++) data[i] = BigInt(Math.round(Number(values[i] ?? 0)));
      return makeData({ ...common, data } as never);
    }
    case 'boolean': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++)
        if (values[i] === true) bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
      return makeData({ ...common, data: bits } as never);
    }
    case 'string': {
      const encoded = Array.from({ length }, (_, i) =>
        encoder.encode(values[i] === null ? '' : String(values[i])),
      );
      const valueOffsets = new Int32Array(length + 1);
      encoded.forEach((bytes, i) => {
        valueOffsets[i + 1] = valueOffsets[i]! + bytes.length;
      });
      const data = new Uint8Array(valueOffsets[length]!);
      encoded.forEach((bytes, i) => {
        data.set(bytes, valueOffsets[i]!);
      });
      return makeData({ ...common, valueOffsets, data } as never);
    }
    case 'enum': {
      const domain = column.type.kind === 'enum' ? (column.type.values ?? []) : [];
      const position = new Map(domain.map((value, i) => [value, i]));
      const codes =
        (column.type.values?.length ?? Number.POSITIVE_INFINITY) <= 127
          ? new Int8Array(length)
          : new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const value = values[i];
        if (value === null || value === undefined) continue;
        const code = position.get(String(value));
        if (code === undefined)
          throw new Error(
            `${table.name}.${column.name}: "${String(value)}" is not in the catalogue's domain`,
          );
        codes[i] = code;
      }
      return makeData({ ...common, data: codes, dictionary: dictionaryOf(table, column) } as never);
    }
  }
}
