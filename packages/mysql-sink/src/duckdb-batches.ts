import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import {
  Bool,
  type Data,
  DateDay,
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  TimestampMicrosecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';

interface DecimalValue {
  readonly value: bigint;
  readonly scale: number;
}

function arrowColumn(column: ColumnDefinition, items: readonly unknown[]): Data {
  const length = items.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  items.forEach((item, i) => {
    if (item === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  const values = <T>(
    make: (n: number) => T,
    set: (out: T, i: number, item: unknown) => void,
  ): T => {
    const out = make(length);
    items.forEach((item, i) => {
      if (item !== null) set(out, i, item);
    });
    return out;
  };
  const props = { length, nullCount, nullBitmap };
  switch (column.type.kind) {
    case 'int8':
      return makeData({
        ...props,
        type: new Int8(),
        data: values(
          (n) => new Int8Array(n),
          (o, i, v) => (o[i] = v as number),
        ),
      });
    case 'int16':
      return makeData({
        ...props,
        type: new Int16(),
        data: values(
          (n) => new Int16Array(n),
          (o, i, v) => (o[i] = v as number),
        ),
      });
    case 'int32':
      return makeData({
        ...props,
        type: new Int32(),
        data: values(
          (n) => new Int32Array(n),
          (o, i, v) => (o[i] = v as number),
        ),
      });
    case 'int64':
      return makeData({
        ...props,
        type: new Int64(),
        data: values(
          (n) => new BigInt64Array(n),
          (o, i, v) => (o[i] = v as bigint),
        ),
      });
    case 'float64':
      return makeData({
        ...props,
        type: new Float64(),
        data: values(
          (n) => new Float64Array(n),
          (o, i, v) => (o[i] = v as number),
        ),
      });
    // An exact quotient of exact doubles: the double nearest the decimal, as the generators hand it over.
    case 'decimal':
      return makeData({
        ...props,
        type: new Float64(),
        data: values(
          (n) => new Float64Array(n),
          (o, i, v) => (o[i] = Number((v as DecimalValue).value) / 10 ** (v as DecimalValue).scale),
        ),
      });
    case 'boolean':
      return makeData({
        ...props,
        type: new Bool(),
        data: values(
          (n) => new Uint8Array(Math.ceil(n / 8)),
          (o, i, v) => {
            if (v) o[i >> 3]! |= 1 << (i & 7);
          },
        ),
      });
    case 'date':
      return makeData({
        ...props,
        type: new DateDay(),
        data: values(
          (n) => new Int32Array(n),
          (o, i, v) => (o[i] = (v as { days: number }).days),
        ),
      });
    case 'timestamp':
      return makeData({
        ...props,
        type: new TimestampMicrosecond('UTC'),
        data: values(
          (n) => new BigInt64Array(n),
          (o, i, v) => (o[i] = (v as { micros: bigint }).micros),
        ),
      });
    case 'string':
    case 'enum':
      return vectorFromArray(items as (string | null)[], new Utf8()).data[0]!;
  }
}

function toBatch(table: TableDefinition, schema: Schema, chunk: DuckDBDataChunk): RecordBatch {
  const children = table.columns.map((column, c) => {
    const vector = chunk.getColumnVector(c);
    const items = Array.from({ length: chunk.rowCount }, (_, i) => vector.getItem(i));
    return arrowColumn(column, items);
  });
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: chunk.rowCount, nullCount: 0, children }),
  );
}

/**
 * A table of a DuckDB dataset view (typed as the catalogue says) as Arrow
 * batches in the generators' physical types, chunk by chunk.
 */
export async function* duckdbBatches(
  connection: DuckDBConnection,
  table: TableDefinition,
): AsyncGenerator<RecordBatch> {
  const schema = new Schema(
    table.columns.map((column) => {
      const probe = arrowColumn(column, []);
      return new Field(column.name, probe.type, column.nullable);
    }),
  );
  const result = await connection.stream(
    // Catalogue names are plain identifiers; DuckDB quotes with double quotes.
    `SELECT ${table.columns.map((c) => `"${c.name}"`).join(', ')} FROM "${table.name}"`,
  );
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    yield toBatch(table, schema, chunk);
  }
}
