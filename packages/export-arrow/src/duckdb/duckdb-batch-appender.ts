import type { DuckDBAppender, DuckDBDataChunk } from '@duckdb/node-api';
import bindings, { type Vector } from '@duckdb/node-bindings';
import type { LogicalType, TableDefinition } from '@lm-synth/dims';
import type { Data, RecordBatch } from 'apache-arrow';
import { copyBits } from '../copy-bits.js';
import { duckdb } from './duckdb-node-api.js';
import { DuckDBStringFiller } from './duckdb-string-filler.js';

const VECTOR_SIZE = bindings.vector_size();

/** How one Arrow column lands in a DuckDB vector of the staging table. */
type ColumnCopy =
  | { readonly kind: 'memcpy'; readonly bytesPerValue: number }
  | { readonly kind: 'enum'; readonly scratch: Uint8Array | Uint16Array | Uint32Array }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string' };

/**
 * Appends canonical record batches to a staging table (see duckdbColumnType)
 * through DuckDB data chunks of 2,048 rows, filled straight from the Arrow
 * buffers: fixed-width columns and validity are block copies, strings go in
 * a chunk at a time (DuckDBStringFiller), no per-row JS objects.
 */
export class DuckDBBatchAppender {
  private readonly chunk: DuckDBDataChunk;
  private readonly copies: readonly ColumnCopy[];
  private readonly scratchBits = new Uint8Array(VECTOR_SIZE / 8);
  private readonly scratchBytes = new Uint8Array(VECTOR_SIZE);
  private readonly strings = new DuckDBStringFiller();
  /** Whether strings go in by block (DuckDBStringFiller); checked on the first string vector. */
  private stringsByBlock: boolean | undefined;

  constructor(
    private readonly appender: DuckDBAppender,
    table: TableDefinition,
  ) {
    if (bindings.sizeof_bool !== 1) throw new Error('DuckDB booleans are expected to be one byte');
    const types = table.columns.map((_, i) => appender.columnType(i));
    this.chunk = duckdb.DuckDBDataChunk.create(types);
    this.copies = table.columns.map((column) => columnCopy(column.type));
  }

  append(batch: RecordBatch): void {
    const columns = batch.data.children;
    for (let start = 0; start < batch.numRows; start += VECTOR_SIZE) {
      const count = Math.min(VECTOR_SIZE, batch.numRows - start);
      const raw = this.chunk.chunk;
      bindings.data_chunk_reset(raw);
      for (let c = 0; c < this.copies.length; c++) {
        const vector = bindings.data_chunk_get_vector(raw, c);
        this.copyColumn(vector, this.copies[c]!, columns[c]!, start, count);
      }
      bindings.data_chunk_set_size(raw, count);
      this.appender.appendDataChunk(this.chunk);
    }
  }

  /** Flushes and commits the appended rows. */
  close(): void {
    this.appender.closeSync();
  }

  private copyColumn(
    vector: Vector,
    copy: ColumnCopy,
    data: Data,
    start: number,
    count: number,
  ): void {
    switch (copy.kind) {
      case 'memcpy': {
        const values = data.values as Int32Array;
        bindings.copy_data_to_vector(
          vector,
          0,
          values.buffer as ArrayBuffer,
          values.byteOffset + start * copy.bytesPerValue,
          count * copy.bytesPerValue,
        );
        break;
      }
      case 'enum': {
        const codes = data.values as Int8Array | Int32Array;
        const width = copy.scratch.BYTES_PER_ELEMENT;
        // Canonical codes are non-negative, so same-width signed codes are valid unsigned ones.
        const source = codes.BYTES_PER_ELEMENT === width ? codes : copy.scratch;
        if (source === copy.scratch) copy.scratch.set(codes.subarray(start, start + count));
        const offset = source === codes ? codes.byteOffset + start * width : 0;
        bindings.copy_data_to_vector(
          vector,
          0,
          source.buffer as ArrayBuffer,
          offset,
          count * width,
        );
        break;
      }
      case 'boolean': {
        const bits = data.values as Uint8Array;
        const bytes = this.scratchBytes;
        const base = data.offset + start;
        for (let i = 0; i < count; i++) bytes[i] = (bits[(base + i) >> 3]! >> ((base + i) & 7)) & 1;
        bindings.copy_data_to_vector(vector, 0, bytes.buffer as ArrayBuffer, 0, count);
        break;
      }
      case 'string': {
        const offsets = data.valueOffsets as Int32Array;
        const bytes = data.values as Uint8Array;
        const nullBitmap = data.nullCount > 0 ? data.nullBitmap : null;
        this.stringsByBlock ??= DuckDBStringFiller.usable(vector);
        if (this.stringsByBlock) {
          this.strings.fill(vector, offsets, bytes, start, count, nullBitmap, data.offset);
          break;
        }
        for (let i = 0; i < count; i++) {
          const row = start + i;
          const bit = data.offset + row;
          if (nullBitmap && ((nullBitmap[bit >> 3]! >> (bit & 7)) & 1) === 0) continue;
          bindings.vector_assign_string_element_len(
            vector,
            i,
            bytes.subarray(offsets[row]!, offsets[row + 1]!),
          );
        }
        break;
      }
    }
    if (data.nullCount > 0) this.copyValidity(vector, data, start, count);
  }

  private copyValidity(vector: Vector, data: Data, start: number, count: number): void {
    bindings.vector_ensure_validity_writable(vector);
    const bit = data.offset + start;
    const bitmap = data.nullBitmap;
    if ((bit & 7) === 0) {
      bindings.copy_data_to_vector_validity(
        vector,
        0,
        bitmap.buffer as ArrayBuffer,
        bitmap.byteOffset + (bit >> 3),
        (count + 7) >> 3,
      );
    } else {
      copyBits(bitmap, bit, this.scratchBits, 0, count);
      bindings.copy_data_to_vector_validity(
        vector,
        0,
        this.scratchBits.buffer as ArrayBuffer,
        0,
        (count + 7) >> 3,
      );
    }
  }
}

function columnCopy(type: LogicalType): ColumnCopy {
  switch (type.kind) {
    case 'int8':
      return { kind: 'memcpy', bytesPerValue: 1 };
    case 'int16':
      return { kind: 'memcpy', bytesPerValue: 2 };
    case 'int32':
    case 'date':
      return { kind: 'memcpy', bytesPerValue: 4 };
    case 'int64':
    case 'timestamp':
    case 'float64':
    case 'decimal':
      return { kind: 'memcpy', bytesPerValue: 8 };
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return { kind: 'string' };
    case 'enum': {
      // DuckDB stores enum codes in the narrowest unsigned type that holds the domain.
      const size = type.values?.length ?? 0;
      const ArrayType = size <= 0xff ? Uint8Array : size <= 0xffff ? Uint16Array : Uint32Array;
      return { kind: 'enum', scratch: new ArrayType(VECTOR_SIZE) };
    }
  }
}
