import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import {
  type Data,
  type DataType,
  type Dictionary,
  type Field,
  makeData,
  RecordBatch,
  type Schema,
  Struct,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import type { BlockColumn, BlockColumns } from './block-result.js';
import { NULL_DATE } from './null-date.js';
import { writeInt64 } from './write-int64.js';
import { PATIENT_ID_BYTES } from './write-patient-id.js';

type FixedArray = Int8Array | Int16Array | Int32Array | Float64Array | BigInt64Array;
type FixedArrayConstructor = new (length: number) => FixedArray;

/** Rows before the current block, per table name: ids are offset + local row + 1. */
export type RowOffsets = ReadonlyMap<string, number>;

interface ColumnWriter {
  /** Fresh buffers for a batch of up to `capacity` rows (the previous batch keeps its own). */
  start(capacity: number): void;
  write(
    source: BlockColumn | undefined,
    from: number,
    count: number,
    at: number,
    offsets: RowOffsets,
  ): void;
  finish(length: number): Data;
}

/** Fixed-width values copied as they are (integers, dates, doubles, timestamps, dictionary codes). */
class CopyWriter implements ColumnWriter {
  private values: FixedArray = new Int8Array(0);

  constructor(
    private readonly type: DataType,
    private readonly ArrayType: FixedArrayConstructor,
    private readonly dictionary?: Vector,
  ) {}

  start(capacity: number): void {
    this.values = new this.ArrayType(capacity);
  }

  write(source: BlockColumn | undefined, from: number, count: number, at: number): void {
    this.values.set((source as FixedArray).subarray(from, from + count) as never, at);
  }

  finish(length: number): Data {
    return makeData({
      type: this.type,
      length,
      nullCount: 0,
      data: this.values.subarray(0, length),
      ...(this.dictionary ? { dictionary: this.dictionary } : {}),
    } as never);
  }
}

/**
 * A nullable date or enum column: rows holding the sentinel (-1 for enum codes, NULL_DATE for
 * dates) are null; the others are copied as they are.
 */
class NullableCopyWriter implements ColumnWriter {
  private values: Int8Array | Int32Array = new Int8Array(0);
  private validity = new Uint8Array(0);
  private nulls = 0;

  constructor(
    private readonly type: DataType,
    private readonly ArrayType: typeof Int8Array | typeof Int32Array,
    private readonly sentinel: number,
    private readonly dictionary?: Vector,
  ) {}

  start(capacity: number): void {
    this.values = new this.ArrayType(capacity);
    this.validity = new Uint8Array((capacity + 7) >> 3);
    this.nulls = 0;
  }

  write(source: BlockColumn | undefined, from: number, count: number, at: number): void {
    const values = source as Int8Array | Int32Array;
    for (let k = 0; k < count; k++) {
      const value = values[from + k]!;
      if (value === this.sentinel) {
        this.nulls++;
        continue;
      }
      this.values[at + k] = value;
      this.validity[(at + k) >> 3] = this.validity[(at + k) >> 3]! | (1 << ((at + k) & 7));
    }
  }

  finish(length: number): Data {
    return makeData({
      type: this.type,
      length,
      nullCount: this.nulls,
      data: this.values.subarray(0, length),
      nullBitmap: this.validity,
      ...(this.dictionary ? { dictionary: this.dictionary } : {}),
    } as never);
  }
}

/** patient_id: fixed-width UTF-8 bytes per row, so the offsets are multiples of the width. */
class FixedWidthUtf8Writer implements ColumnWriter {
  private bytes = new Uint8Array(0);

  constructor(private readonly type: DataType) {}

  start(capacity: number): void {
    this.bytes = new Uint8Array(capacity * PATIENT_ID_BYTES);
  }

  write(source: BlockColumn | undefined, from: number, count: number, at: number): void {
    const bytes = source as Uint8Array;
    this.bytes.set(
      bytes.subarray(from * PATIENT_ID_BYTES, (from + count) * PATIENT_ID_BYTES),
      at * PATIENT_ID_BYTES,
    );
  }

  finish(length: number): Data {
    const valueOffsets = new Int32Array(length + 1);
    for (let i = 1; i <= length; i++) valueOffsets[i] = i * PATIENT_ID_BYTES;
    return makeData({
      type: this.type,
      length,
      nullCount: 0,
      valueOffsets,
      data: this.bytes.subarray(0, length * PATIENT_ID_BYTES),
    } as never);
  }
}

/** Booleans arrive as one byte per row and leave bit-packed. */
class BoolWriter implements ColumnWriter {
  private bits = new Uint8Array(0);

  constructor(private readonly type: DataType) {}

  start(capacity: number): void {
    this.bits = new Uint8Array((capacity + 7) >> 3);
  }

  write(source: BlockColumn | undefined, from: number, count: number, at: number): void {
    const values = source as Uint8Array;
    const bits = this.bits;
    for (let k = 0; k < count; k++) {
      if (values[from + k] === 1)
        bits[(at + k) >> 3] = bits[(at + k) >> 3]! | (1 << ((at + k) & 7));
    }
  }

  finish(length: number): Data {
    return makeData({ type: this.type, length, nullCount: 0, data: this.bits } as never);
  }
}

/**
 * Int64 ids: the table's own id (no source column) numbers rows 1.. in
 * emission order; a reference (block-local row, -1 for none) points at the
 * referenced table's row, or is null when that table is not generated.
 */
class IdWriter implements ColumnWriter {
  private values = new BigInt64Array(0);
  private words = new Int32Array(0);
  private validity = new Uint8Array(0);
  private nulls = 0;

  constructor(
    private readonly type: DataType,
    private readonly target: string,
    private readonly nullable: boolean,
  ) {}

  start(capacity: number): void {
    this.values = new BigInt64Array(capacity);
    this.words = new Int32Array(this.values.buffer);
    this.validity = new Uint8Array(this.nullable ? (capacity + 7) >> 3 : 0);
    this.nulls = 0;
  }

  write(
    source: BlockColumn | undefined,
    from: number,
    count: number,
    at: number,
    offsets: RowOffsets,
  ): void {
    const offset = offsets.get(this.target);
    if (!source) {
      const base = offset! + from + 1;
      for (let k = 0; k < count; k++) writeInt64(this.words, at + k, base + k);
      return;
    }
    const local = source as Int32Array;
    for (let k = 0; k < count; k++) {
      const row = local[from + k]!;
      if (row < 0 || offset === undefined) {
        this.nulls++;
        continue;
      }
      writeInt64(this.words, at + k, offset + row + 1);
      this.validity[(at + k) >> 3] = this.validity[(at + k) >> 3]! | (1 << ((at + k) & 7));
    }
  }

  finish(length: number): Data {
    return makeData({
      type: this.type,
      length,
      nullCount: this.nulls,
      data: this.values.subarray(0, length),
      ...(this.nullable ? { nullBitmap: this.validity } : {}),
    } as never);
  }
}

function arrayTypeOf(column: ColumnDefinition): FixedArrayConstructor {
  switch (column.type.kind) {
    case 'int8':
    case 'enum':
      return Int8Array;
    case 'int16':
      return Int16Array;
    case 'int32':
    case 'date':
      return Int32Array;
    case 'float64':
    case 'decimal':
      return Float64Array;
    case 'int64':
    case 'timestamp':
      return BigInt64Array;
    default:
      throw new Error(`no fixed-width array for ${column.name} (${column.type.kind})`);
  }
}

function writerFor(table: TableDefinition, column: ColumnDefinition, field: Field): ColumnWriter {
  const type = column.type;
  if (type.kind === 'string') return new FixedWidthUtf8Writer(field.type);
  if (type.kind === 'boolean') return new BoolWriter(field.type);
  if (type.kind === 'int64') {
    const reference = table.foreignKeys.find(
      (key) => key.columns.length === 1 && key.columns[0] === column.name,
    );
    return new IdWriter(field.type, reference?.references.table ?? table.name, column.nullable);
  }
  if (type.kind === 'enum') {
    // The dictionary is the whole closed domain in catalogue order, so codes are positions in it.
    const dictionary = vectorFromArray([...(type.values ?? [])], new Utf8());
    return column.nullable
      ? new NullableCopyWriter(field.type as Dictionary, Int8Array, -1, dictionary)
      : new CopyWriter(field.type as Dictionary, Int8Array, dictionary);
  }
  if (type.kind === 'date' && column.nullable)
    return new NullableCopyWriter(field.type, Int32Array, NULL_DATE);
  return new CopyWriter(field.type, arrayTypeOf(column));
}

/**
 * Gathers the rows of consecutive blocks into record batches of exactly
 * `batchSize` rows (the last one shorter), with the catalogue schema. Batches
 * own their buffers; block columns are copied in with typed-array copies.
 */
export class FactBatchAssembler {
  private readonly writers: ColumnWriter[];
  private held = 0;

  constructor(
    private readonly table: TableDefinition,
    private readonly schema: Schema,
    private readonly batchSize: number,
  ) {
    this.writers = table.columns.map((column, i) => writerFor(table, column, schema.fields[i]!));
    for (const writer of this.writers) writer.start(batchSize);
  }

  /** Adds a block's rows; returns the batches they complete. */
  append(columns: BlockColumns, rows: number, offsets: RowOffsets): RecordBatch[] {
    const completed: RecordBatch[] = [];
    let from = 0;
    while (from < rows) {
      const count = Math.min(this.batchSize - this.held, rows - from);
      this.table.columns.forEach((column, c) => {
        this.writers[c]!.write(columns[column.name], from, count, this.held, offsets);
      });
      this.held += count;
      from += count;
      if (this.held === this.batchSize) completed.push(this.finish());
    }
    return completed;
  }

  /** The last, partial batch, if any rows are held. */
  flush(): RecordBatch | undefined {
    return this.held > 0 ? this.finish() : undefined;
  }

  private finish(): RecordBatch {
    const length = this.held;
    const children = this.writers.map((writer) => writer.finish(length));
    for (const writer of this.writers) writer.start(this.batchSize);
    this.held = 0;
    return new RecordBatch(
      this.schema,
      makeData({ type: new Struct(this.schema.fields), length, nullCount: 0, children }),
    );
  }
}
