import { endianness } from 'node:os';
import bindings, { type Vector } from '@duckdb/node-bindings';

const VECTOR_SIZE = bindings.vector_size();
/** duckdb_string_t (duckdb.h): 16 bytes, the length first; up to 12 bytes inline, else a 4-byte prefix and a pointer. */
const STRING_T_BYTES = 16;
const INLINE_BYTES = 12;
const TWO_POW_32 = 4_294_967_296;
/** 64-bit platforms, where duckdb_string_t ends with an 8-byte pointer. */
const POINTER_LAYOUT_ARCHES = new Set(['x64', 'arm64']);

/**
 * Fills a VARCHAR vector with many strings in three native calls instead of
 * one per row (each of which also allocated a JS view): the rows' UTF-8 bytes
 * go into the vector's string heap as one string, and the rows' string_t
 * structs — inlined, or pointing into that copy — are built here and copied
 * in as a block. The heap copy lives until the chunk is reset, after the
 * appender has copied the rows. The layout is duckdb_string_t of DuckDB's C
 * API; `usable()` checks it on this build and the caller falls back to
 * per-row assignment if it does not hold.
 */
export class DuckDBStringFiller {
  private readonly structs = new Uint32Array((VECTOR_SIZE * STRING_T_BYTES) / 4);
  private readonly structBytes = new Uint8Array(this.structs.buffer);

  /**
   * Puts rows [start, start + count) of a UTF-8 column (Arrow offsets and
   * bytes) in vector rows 0..count - 1; rows whose bit in `validity` (from
   * `bitOffset`) is 0 are left empty: the caller marks them null.
   */
  fill(
    vector: Vector,
    offsets: Int32Array,
    bytes: Uint8Array,
    start: number,
    count: number,
    validity: Uint8Array | null,
    bitOffset: number,
  ): void {
    const first = offsets[start]!;
    const end = offsets[start + count]!;
    let base = 0;
    if (end - first > INLINE_BYTES) {
      // One string holding every row's bytes; its string_t tells where DuckDB copied them.
      bindings.vector_assign_string_element_len(vector, 0, bytes.subarray(first, end));
      const head = new Uint32Array(bindings.vector_get_data(vector, STRING_T_BYTES).slice().buffer);
      base = head[2]! + head[3]! * TWO_POW_32;
    }
    const structs = this.structs;
    const out = this.structBytes;
    out.fill(0, 0, count * STRING_T_BYTES);
    for (let i = 0; i < count; i++) {
      const row = start + i;
      const bit = bitOffset + row;
      if (validity && ((validity[bit >> 3]! >> (bit & 7)) & 1) === 0) continue;
      const from = offsets[row]!;
      const length = offsets[row + 1]! - from;
      const at = i * STRING_T_BYTES;
      structs[at >> 2] = length;
      if (length <= INLINE_BYTES) {
        for (let b = 0; b < length; b++) out[at + 4 + b] = bytes[from + b]!;
      } else {
        for (let b = 0; b < 4; b++) out[at + 4 + b] = bytes[from + b]!;
        const pointer = base + (from - first);
        structs[(at >> 2) + 2] = pointer % TWO_POW_32;
        structs[(at >> 2) + 3] = Math.floor(pointer / TWO_POW_32);
      }
    }
    bindings.copy_data_to_vector(vector, 0, structs.buffer, 0, count * STRING_T_BYTES);
  }

  /** Whether this DuckDB build stores a long string the way fill() expects. */
  static usable(vector: Vector): boolean {
    const text = new TextEncoder().encode('lm-synth layout probe');
    bindings.vector_assign_string_element_len(vector, 0, text);
    const head = new Uint32Array(bindings.vector_get_data(vector, STRING_T_BYTES).slice().buffer);
    const prefix = text[0]! | (text[1]! << 8) | (text[2]! << 16) | (text[3]! << 24);
    return (
      // The pointer is read and written as two little-endian 32-bit words.
      POINTER_LAYOUT_ARCHES.has(process.arch) &&
      endianness() === 'LE' &&
      bindings.vector_size() === VECTOR_SIZE &&
      head[0] === text.length &&
      head[1] === prefix >>> 0 &&
      head[2]! + head[3]! > 0
    );
  }
}
