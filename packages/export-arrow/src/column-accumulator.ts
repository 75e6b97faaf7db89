import type { ColumnDefinition } from '@lm-synth/dims';
import {
  type Data,
  type DataType,
  type Dictionary,
  type Field,
  makeData,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { copyBits } from './copy-bits.js';
import { setBits } from './set-bits.js';

type FixedArray = Int8Array | Int16Array | Int32Array | BigInt64Array | Float64Array;
type FixedArrayConstructor = new (length: number) => FixedArray;

/**
 * Copies row ranges of incoming Arrow columns into one fixed-capacity column,
 * so that output batches are cut by row count whatever the incoming batch
 * boundaries, and enum codes always refer to the catalogue's domain.
 */
export interface ColumnAccumulator {
  /** Appends rows [from, from + count) of `data` after the rows already held. */
  append(data: Data, from: number, count: number): void;
  /**
   * The rows held so far as Arrow data; the accumulator starts empty again
   * and reuses the same buffers, so the data is valid until the next append.
   */
  finish(): Data;
}

export function createColumnAccumulator(
  tableName: string,
  column: ColumnDefinition,
  field: Field,
  capacity: number,
): ColumnAccumulator {
  const label = `${tableName}.${column.name}`;
  const type = column.type;
  switch (type.kind) {
    case 'int8':
      return new FixedWidthAccumulator(label, field, capacity, Int8Array);
    case 'int16':
      return new FixedWidthAccumulator(label, field, capacity, Int16Array);
    case 'int32':
    case 'date':
      return new FixedWidthAccumulator(label, field, capacity, Int32Array);
    case 'int64':
    case 'timestamp':
      return new FixedWidthAccumulator(label, field, capacity, BigInt64Array);
    case 'float64':
    case 'decimal':
      return new FixedWidthAccumulator(label, field, capacity, Float64Array);
    case 'boolean':
      return new BooleanAccumulator(label, field, capacity);
    case 'string':
      return new Utf8Accumulator(label, field, capacity);
    case 'enum':
      if (type.values === null) {
        throw new Error(
          `${label}: enum columns need a fixed domain in the catalogue to be written`,
        );
      }
      return new DictionaryAccumulator(label, field, capacity, type.values);
  }
}

/** Validity of one output column; non-nullable columns refuse nulls. */
abstract class AccumulatorBase implements ColumnAccumulator {
  protected length = 0;
  private readonly validity: Uint8Array | null;
  /** finish() handed the buffers out; clear them before the next append. */
  private handedOut = false;

  constructor(
    protected readonly label: string,
    protected readonly field: Field,
    protected readonly capacity: number,
  ) {
    this.validity = field.nullable ? new Uint8Array(bitmapBytes(capacity)) : null;
  }

  append(data: Data, from: number, count: number): void {
    if (this.handedOut) {
      // Bits past the last row must be 0 again: they are written out and counted.
      this.validity?.fill(0);
      this.clear();
      this.handedOut = false;
    }
    if (this.length + count > this.capacity) {
      throw new Error(`${this.label}: ${this.length + count} rows exceed the batch capacity`);
    }
    if (this.validity) {
      if (data.nullCount === 0) setBits(this.validity, this.length, count);
      else copyBits(data.nullBitmap, data.offset + from, this.validity, this.length, count);
    } else if (data.nullCount > 0) {
      throw new Error(`${this.label} is not nullable but a batch holds ${data.nullCount} nulls`);
    }
    this.appendValues(data, from, count);
    this.length += count;
  }

  finish(): Data {
    const length = this.length;
    const validity = this.validity;
    const nullBitmap = validity?.subarray(0, bitmapBytes(length));
    const nullCount = nullBitmap ? length - countSetBits(nullBitmap) : 0;
    const data = this.makeValues(length, nullCount, nullBitmap);
    this.length = 0;
    this.handedOut = true;
    return data;
  }

  protected abstract appendValues(data: Data, from: number, count: number): void;
  protected abstract makeValues(
    length: number,
    nullCount: number,
    nullBitmap: Uint8Array | undefined,
  ): Data;
  /** Prepares the reused buffers for a new batch. */
  protected abstract clear(): void;
}

class FixedWidthAccumulator extends AccumulatorBase {
  private readonly values: FixedArray;

  constructor(label: string, field: Field, capacity: number, ArrayType: FixedArrayConstructor) {
    super(label, field, capacity);
    this.values = new ArrayType(capacity);
  }

  protected appendValues(data: Data, from: number, count: number): void {
    // Arrow JS keeps fixed-width values indexed by row: slicing moved the view already.
    const source = data.values as FixedArray;
    (this.values as Float64Array).set(
      source.subarray(from, from + count) as unknown as Float64Array,
      this.length,
    );
  }

  protected makeValues(length: number, nullCount: number, nullBitmap: Uint8Array | undefined) {
    return makeData({
      type: this.field.type as DataType,
      length,
      nullCount,
      nullBitmap,
      data: this.values.subarray(0, length),
    } as never);
  }

  protected clear(): void {}
}

class BooleanAccumulator extends AccumulatorBase {
  private readonly bits: Uint8Array;

  constructor(label: string, field: Field, capacity: number) {
    super(label, field, capacity);
    this.bits = new Uint8Array(bitmapBytes(capacity));
  }

  protected appendValues(data: Data, from: number, count: number): void {
    copyBits(data.values as Uint8Array, data.offset + from, this.bits, this.length, count);
  }

  protected makeValues(length: number, nullCount: number, nullBitmap: Uint8Array | undefined) {
    return makeData({
      type: this.field.type as DataType,
      length,
      nullCount,
      nullBitmap,
      data: this.bits.subarray(0, bitmapBytes(length)),
    } as never);
  }

  protected clear(): void {
    this.bits.fill(0);
  }
}

class Utf8Accumulator extends AccumulatorBase {
  private readonly offsets: Int32Array;
  private bytes: Uint8Array;
  private bytesUsed = 0;

  constructor(label: string, field: Field, capacity: number) {
    super(label, field, capacity);
    this.offsets = new Int32Array(capacity + 1);
    this.bytes = new Uint8Array(capacity * 16);
  }

  protected appendValues(data: Data, from: number, count: number): void {
    // Arrow JS keeps value offsets indexed by row and the byte buffer unsliced.
    const sourceOffsets = data.valueOffsets as Int32Array;
    const start = sourceOffsets[from]!;
    const end = sourceOffsets[from + count]!;
    const needed = this.bytesUsed + (end - start);
    if (needed > this.bytes.length) {
      const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.bytesUsed));
      this.bytes = grown;
    }
    this.bytes.set((data.values as Uint8Array).subarray(start, end), this.bytesUsed);
    const shift = this.bytesUsed - start;
    const offsets = this.offsets;
    for (let i = 1; i <= count; i++) offsets[this.length + i] = sourceOffsets[from + i]! + shift;
    this.bytesUsed = needed;
  }

  protected makeValues(length: number, nullCount: number, nullBitmap: Uint8Array | undefined) {
    return makeData({
      type: this.field.type as Utf8,
      length,
      nullCount,
      nullBitmap,
      valueOffsets: this.offsets.subarray(0, length + 1),
      data: this.bytes.subarray(0, this.bytesUsed),
    });
  }

  protected clear(): void {
    this.bytesUsed = 0;
  }
}

class DictionaryAccumulator extends AccumulatorBase {
  private readonly codes: Int8Array | Int32Array;
  private readonly dictionary: Vector<Utf8>;
  private readonly codeByValue: Map<string, number>;
  /** Incoming dictionary → catalogue codes; null when the dictionary already is the domain. */
  private readonly remaps = new WeakMap<Vector, Int32Array | null>();

  constructor(
    label: string,
    field: Field,
    capacity: number,
    private readonly domain: readonly string[],
  ) {
    super(label, field, capacity);
    const Codes = (field.type as Dictionary).indices.ArrayType as
      | Int8ArrayConstructor
      | Int32ArrayConstructor;
    this.codes = new Codes(capacity);
    this.dictionary = vectorFromArray([...domain], new Utf8());
    this.codeByValue = new Map(domain.map((value, code) => [value, code]));
  }

  protected appendValues(data: Data, from: number, count: number): void {
    const source = data.values as Int8Array | Int16Array | Int32Array;
    const remap = this.remapFor(data.dictionary);
    const codes = this.codes;
    const at = this.length;
    if (data.nullCount > 0) {
      // Codes under a null slot may be anything; write 0 so every code stays in the domain.
      const bitmap = data.nullBitmap;
      for (let i = 0; i < count; i++) {
        const bit = data.offset + from + i;
        const valid = (bitmap[bit >> 3]! >> (bit & 7)) & 1;
        const code = source[from + i]!;
        codes[at + i] = valid ? (remap === null ? code : remap[code]!) : 0;
      }
    } else if (remap === null && source.BYTES_PER_ELEMENT === codes.BYTES_PER_ELEMENT) {
      codes.set(source.subarray(from, from + count) as Int8Array, at);
    } else if (remap === null) {
      for (let i = 0; i < count; i++) codes[at + i] = source[from + i]!;
    } else {
      for (let i = 0; i < count; i++) codes[at + i] = remap[source[from + i]!]!;
    }
  }

  private remapFor(dictionary: Vector | undefined): Int32Array | null {
    if (!dictionary) throw new Error(`${this.label}: dictionary-encoded data without a dictionary`);
    const known = this.remaps.get(dictionary);
    if (known !== undefined) return known;
    const remap = new Int32Array(dictionary.length);
    let identity = dictionary.length <= this.domain.length;
    for (let i = 0; i < dictionary.length; i++) {
      const value = dictionary.get(i) as string | null;
      const code = value === null ? undefined : this.codeByValue.get(value);
      if (code === undefined) {
        throw new Error(
          `${this.label}: ${JSON.stringify(value)} is not one of ${this.domain.join(', ')}`,
        );
      }
      remap[i] = code;
      if (code !== i) identity = false;
    }
    const result = identity ? null : remap;
    this.remaps.set(dictionary, result);
    return result;
  }

  protected makeValues(length: number, nullCount: number, nullBitmap: Uint8Array | undefined) {
    return makeData({
      type: this.field.type as Dictionary<Utf8>,
      length,
      nullCount,
      nullBitmap,
      data: this.codes.subarray(0, length),
      dictionary: this.dictionary,
    } as never);
  }

  protected clear(): void {}
}

function bitmapBytes(bits: number): number {
  return (bits + 7) >> 3;
}

const BITS_IN_BYTE = Uint8Array.from({ length: 256 }, (_, byte) => {
  let bits = 0;
  for (let b = byte; b; b >>= 1) bits += b & 1;
  return bits;
});

function countSetBits(bitmap: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bitmap.length; i++) count += BITS_IN_BYTE[bitmap[i]!]!;
  return count;
}
