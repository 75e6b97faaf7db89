import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import {
  type Data,
  type Field,
  makeData,
  RecordBatch,
  type Schema,
  Struct,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';

/** Whole-table columns of a small table: typed arrays, or plain arrays where values may be null or text. */
export type SmallTableColumn =
  | Int8Array
  | Int16Array
  | Int32Array
  | Float64Array
  | readonly (number | null)[]
  | readonly string[]
  | readonly boolean[];

const encoder = new TextEncoder();

function validity(values: ArrayLike<unknown>, from: number, length: number): [Uint8Array, number] {
  const bits = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (values[from + i] === null) nulls++;
    else bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
  }
  return [bits, nulls];
}

function columnData(
  column: ColumnDefinition,
  field: Field,
  values: SmallTableColumn,
  from: number,
  length: number,
  dictionary: Vector | undefined,
): Data {
  const [nullBitmap, nullCount] = validity(values, from, length);
  const common = { type: field.type, length, nullCount, ...(nullCount > 0 ? { nullBitmap } : {}) };
  const numbers = (Type: { from(values: ArrayLike<number>): ArrayLike<number> }) =>
    Type.from(Array.from({ length }, (_, i) => Number(values[from + i] ?? 0)));
  const type = column.type;
  switch (type.kind) {
    case 'int8':
      return makeData({ ...common, data: numbers(Int8Array) } as never);
    case 'int16':
      return makeData({ ...common, data: numbers(Int16Array) } as never);
    case 'int32':
    case 'date':
      return makeData({ ...common, data: numbers(Int32Array) } as never);
    case 'float64':
    case 'decimal':
      return makeData({ ...common, data: numbers(Float64Array) } as never);
    case 'int64':
    case 'timestamp':
      return makeData({
        ...common,
        data: BigInt64Array.from({ length }, (_, i) => BigInt(Number(values[from + i] ?? 0))),
      } as never);
    case 'boolean': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++)
        if (values[from + i] === true) bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
      return makeData({ ...common, data: bits } as never);
    }
    case 'string': {
      const encoded = Array.from({ length }, (_, i) =>
        encoder.encode(String(values[from + i] ?? '')),
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
      const domain = type.values ?? [];
      const codes = new Int8Array(length);
      for (let i = 0; i < length; i++) {
        const value = values[from + i];
        const code = typeof value === 'string' ? domain.indexOf(value) : Number(value ?? 0);
        if (value !== null && !(code >= 0 && code < domain.length)) {
          throw new Error(`${column.name}: ${String(value)} is not in its domain`);
        }
        codes[i] = code;
      }
      return makeData({ ...common, data: codes, dictionary } as never);
    }
  }
}

/**
 * A small table (dimensions, reference tables, capacity) as record batches
 * of at most `batchSize` rows with the catalogue schema. Enums may be given as
 * labels or as codes into the catalogue domain.
 */
export function smallTableBatches(
  table: TableDefinition,
  schema: Schema,
  columns: Readonly<Record<string, SmallTableColumn>>,
  batchSize: number,
): RecordBatch[] {
  const rows = columns[table.columns[0]!.name]!.length;
  const dictionaries = table.columns.map((column) =>
    column.type.kind === 'enum'
      ? vectorFromArray([...(column.type.values ?? [])], new Utf8())
      : undefined,
  );
  const batches: RecordBatch[] = [];
  for (let from = 0; from < rows; from += batchSize) {
    const length = Math.min(batchSize, rows - from);
    const children = table.columns.map((column, c) => {
      const values = columns[column.name];
      if (!values) throw new Error(`${table.name}.${column.name} has no values`);
      return columnData(column, schema.fields[c]!, values, from, length, dictionaries[c]);
    });
    batches.push(
      new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
      ),
    );
  }
  return batches;
}
