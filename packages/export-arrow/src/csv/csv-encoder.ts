import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import { civilFromDays } from '@lm-synth/dims';
import type { Data, RecordBatch } from 'apache-arrow';
import { ByteSink } from './byte-sink.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const DAY_MICROS = 86_400_000_000;

/** Writes one non-null value of a column at `row` of the current batch. */
type FieldWriter = (row: number) => void;

/**
 * Encodes canonical record batches as CSV (the convention in the README):
 * UTF-8, a header row, comma-separated, LF line ends, RFC 4180 quoting only
 * where needed; NULL is an empty unquoted field and the empty string is "";
 * dates YYYY-MM-DD, timestamps YYYY-MM-DDTHH:MM:SSZ (with .ffffff only when
 * sub-second), decimals with exactly their scale's digits, booleans 1 and 0.
 * Values are written straight from the Arrow buffers into large byte chunks.
 */
export class CsvEncoder {
  private readonly sink = new ByteSink();
  private readonly date = new Int32Array(3);
  /** Upper bound of a row's bytes, strings excluded. */
  private readonly fixedRowBytes: number;
  private readonly enumBytes: ReadonlyMap<string, readonly Uint8Array[]>;

  constructor(private readonly table: TableDefinition) {
    const encoder = new TextEncoder();
    this.enumBytes = new Map(
      table.columns.flatMap((column) =>
        column.type.kind === 'enum' && column.type.values
          ? [[column.name, column.type.values.map((value) => quoteField(encoder.encode(value)))]]
          : [],
      ),
    );
    this.fixedRowBytes = table.columns.reduce(
      (sum, column) => sum + 1 + this.maxFixedBytes(column),
      1,
    );
  }

  header(): Buffer {
    const encoder = new TextEncoder();
    const names = this.table.columns.map((column) =>
      Buffer.from(quoteField(encoder.encode(column.name))),
    );
    return Buffer.concat([
      ...names.flatMap((name, i) => (i ? [Buffer.of(COMMA), name] : [name])),
      Buffer.of(LF),
    ]);
  }

  /** The batch's rows as CSV, in chunks of about a megabyte. */
  encode(batch: RecordBatch): Buffer[] {
    const sink = this.sink;
    const columns = batch.data.children;
    const writers = this.table.columns.map((column, c) => this.fieldWriter(column, columns[c]!));
    const bitmaps = columns.map((data) => (data.nullCount > 0 ? data.nullBitmap : null));
    const offsets = columns.map((data) => data.offset);
    const columnCount = writers.length;
    for (let row = 0; row < batch.numRows; row++) {
      sink.reserve(this.fixedRowBytes);
      for (let c = 0; c < columnCount; c++) {
        if (c > 0) sink.buffer[sink.position++] = COMMA;
        const bitmap = bitmaps[c];
        if (bitmap) {
          const bit = offsets[c]! + row;
          if (((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) continue;
        }
        writers[c]!(row);
      }
      sink.buffer[sink.position++] = LF;
    }
    return sink.take();
  }

  private maxFixedBytes(column: ColumnDefinition): number {
    const type = column.type;
    switch (type.kind) {
      case 'int8':
        return 4;
      case 'int16':
        return 6;
      case 'int32':
        return 11;
      case 'int64':
        return 20;
      case 'float64':
        return 25;
      case 'decimal':
        return type.precision + 2;
      case 'boolean':
        return 1;
      case 'date':
        return 12;
      case 'timestamp':
        return 30;
      case 'enum':
        return Math.max(...(this.enumBytes.get(column.name) ?? []).map((bytes) => bytes.length));
      case 'string':
        return 0;
    }
  }

  private fieldWriter(column: ColumnDefinition, data: Data): FieldWriter {
    const sink = this.sink;
    const type = column.type;
    switch (type.kind) {
      case 'int8':
      case 'int16':
      case 'int32': {
        const values = data.values as Int32Array;
        return (row) => writeInteger(sink, values[row]!);
      }
      case 'int64': {
        const values = data.values as BigInt64Array;
        // Little-endian 32-bit halves: no BigInt per value.
        const halves = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
        return (row) => {
          const high = halves[2 * row + 1]!;
          // Exact as a double below 2^53; rarer, larger ids go through BigInt.
          if (high >= -0x200000 && high < 0x200000) {
            writeInteger(sink, high * 4_294_967_296 + (halves[2 * row]! >>> 0));
          } else {
            sink.position += sink.buffer.write(String(values[row]), sink.position, 'latin1');
          }
        };
      }
      case 'float64': {
        const values = data.values as Float64Array;
        return (row) => {
          sink.position += sink.buffer.write(String(values[row]), sink.position, 'latin1');
        };
      }
      case 'decimal': {
        const values = data.values as Float64Array;
        const scale = type.scale;
        const factor = 10 ** scale;
        return (row) => writeDecimal(sink, values[row]!, scale, factor);
      }
      case 'boolean': {
        const bits = data.values as Uint8Array;
        const offset = data.offset;
        return (row) => {
          const bit = offset + row;
          sink.buffer[sink.position++] = (bits[bit >> 3]! >> (bit & 7)) & 1 ? 0x31 : 0x30;
        };
      }
      case 'date': {
        const values = data.values as Int32Array;
        const date = this.date;
        return (row) => {
          civilFromDays(values[row]!, date);
          writeDate(sink, date);
        };
      }
      case 'timestamp': {
        const values = data.values as BigInt64Array;
        const halves = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
        const date = this.date;
        return (row) => {
          const micros = halves[2 * row + 1]! * 4_294_967_296 + (halves[2 * row]! >>> 0);
          writeTimestamp(sink, micros, date);
        };
      }
      case 'enum': {
        const encoded = this.enumBytes.get(column.name)!;
        const codes = data.values as Int8Array | Int32Array;
        return (row) => copyInto(sink, encoded[codes[row]!]!);
      }
      case 'string': {
        const offsets = data.valueOffsets as Int32Array;
        const bytes = data.values as Uint8Array;
        const rowBytes = this.fixedRowBytes;
        return (row) => writeString(sink, bytes, offsets[row]!, offsets[row + 1]!, rowBytes);
      }
    }
  }
}

/**
 * Quotes when RFC 4180 requires it (comma, quote, CR, LF), always for the empty string, and
 * for the word NULL, which MySQL's `LOAD DATA … OPTIONALLY ENCLOSED BY '"'` reads as SQL NULL
 * when unquoted.
 */
function quoteField(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0 && !needsQuotes(bytes, 0, bytes.length)) return bytes;
  const sink = new ByteSink();
  writeString(sink, bytes, 0, bytes.length, 0);
  return Buffer.concat(sink.take());
}

function needsQuotes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start === 4 && isNullWord(bytes, start)) return true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === COMMA || b === QUOTE || b === LF || b === CR) return true;
  }
  return false;
}

const LOWER_CASE_BIT = 0x20;

/** `NULL` in any letter case (MySQL matches it exactly; quoting every case costs nothing). */
function isNullWord(bytes: Uint8Array, start: number): boolean {
  return (
    (bytes[start]! | LOWER_CASE_BIT) === 0x6e &&
    (bytes[start + 1]! | LOWER_CASE_BIT) === 0x75 &&
    (bytes[start + 2]! | LOWER_CASE_BIT) === 0x6c &&
    (bytes[start + 3]! | LOWER_CASE_BIT) === 0x6c
  );
}

function writeString(
  sink: ByteSink,
  bytes: Uint8Array,
  start: number,
  end: number,
  restOfRow: number,
): void {
  const length = end - start;
  if (length > 0 && !needsQuotes(bytes, start, end)) {
    sink.reserve(length + restOfRow);
    if (length <= 32) {
      const buffer = sink.buffer;
      let position = sink.position;
      for (let i = start; i < end; i++) buffer[position++] = bytes[i]!;
      sink.position = position;
    } else {
      sink.buffer.set(bytes.subarray(start, end), sink.position);
      sink.position += length;
    }
    return;
  }
  sink.reserve(2 * length + 2 + restOfRow);
  const buffer = sink.buffer;
  let position = sink.position;
  buffer[position++] = QUOTE;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) buffer[position++] = QUOTE;
    buffer[position++] = b;
  }
  buffer[position++] = QUOTE;
  sink.position = position;
}

function copyInto(sink: ByteSink, bytes: Uint8Array): void {
  const buffer = sink.buffer;
  let position = sink.position;
  for (let i = 0; i < bytes.length; i++) buffer[position++] = bytes[i]!;
  sink.position = position;
}

/** A safe integer in decimal digits. */
function writeInteger(sink: ByteSink, value: number): void {
  const buffer = sink.buffer;
  let position = sink.position;
  if (value < 0) {
    buffer[position++] = 0x2d;
    value = -value;
  }
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  const end = position + digits;
  for (let i = end - 1; i >= position; i--) {
    const next = Math.floor(value / 10);
    buffer[i] = 0x30 + (value - next * 10);
    value = next;
  }
  sink.position = end;
}

/** `count` digits of a non-negative integer, zero-padded on the left. */
function writePadded(sink: ByteSink, value: number, count: number): void {
  const buffer = sink.buffer;
  const end = sink.position + count;
  for (let i = end - 1; i >= sink.position; i--) {
    const next = Math.floor(value / 10);
    buffer[i] = 0x30 + (value - next * 10);
    value = next;
  }
  sink.position = end;
}

/** Decimals travel as doubles already rounded to their scale; round once more to print exactly `scale` digits. */
function writeDecimal(sink: ByteSink, value: number, scale: number, factor: number): void {
  const scaled = Math.round(Math.abs(value) * factor);
  if (value < 0 && scaled !== 0) sink.buffer[sink.position++] = 0x2d;
  const whole = Math.floor(scaled / factor);
  writeInteger(sink, whole);
  if (scale > 0) {
    sink.buffer[sink.position++] = 0x2e;
    writePadded(sink, scaled - whole * factor, scale);
  }
}

function writeDate(sink: ByteSink, date: Int32Array): void {
  const year = date[0]!;
  if (year >= 0 && year <= 9999) writePadded(sink, year, 4);
  else writeInteger(sink, year);
  sink.buffer[sink.position++] = 0x2d;
  writePadded(sink, date[1]!, 2);
  sink.buffer[sink.position++] = 0x2d;
  writePadded(sink, date[2]!, 2);
}

function writeTimestamp(sink: ByteSink, micros: number, date: Int32Array): void {
  const days = Math.floor(micros / DAY_MICROS);
  const ofDay = micros - days * DAY_MICROS;
  const seconds = Math.floor(ofDay / 1_000_000);
  const fraction = ofDay - seconds * 1_000_000;
  civilFromDays(days, date);
  writeDate(sink, date);
  const buffer = sink.buffer;
  buffer[sink.position++] = 0x54;
  writePadded(sink, Math.floor(seconds / 3600), 2);
  buffer[sink.position++] = 0x3a;
  writePadded(sink, Math.floor(seconds / 60) % 60, 2);
  buffer[sink.position++] = 0x3a;
  writePadded(sink, seconds % 60, 2);
  if (fraction > 0) {
    buffer[sink.position++] = 0x2e;
    writePadded(sink, fraction, 6);
  }
  buffer[sink.position++] = 0x5a;
}
