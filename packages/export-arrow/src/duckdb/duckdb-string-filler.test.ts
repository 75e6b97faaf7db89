import bindings from '@duckdb/node-bindings';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duckdb } from './duckdb-node-api.js';
import { DuckDBStringFiller } from './duckdb-string-filler.js';

const VECTOR_SIZE = bindings.vector_size();

/** Arrow-style UTF-8 column: offsets, bytes and a validity bitmap (null for none). */
function utf8Column(values: readonly (string | null)[]) {
  const encoded = values.map((value) => new TextEncoder().encode(value ?? ''));
  const offsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => {
    offsets[i + 1] = offsets[i]! + bytes.length;
  });
  const bytes = new Uint8Array(offsets[values.length]!);
  encoded.forEach((value, i) => {
    bytes.set(value, offsets[i]!);
  });
  const validity = new Uint8Array((values.length + 7) >> 3);
  values.forEach((value, i) => {
    if (value !== null) validity[i >> 3]! |= 1 << (i & 7);
  });
  return { offsets, bytes, validity: values.includes(null) ? validity : null };
}

/** Appends `values` through the filler, `perChunk` rows per data chunk, and reads them back in order. */
async function roundTrip(
  values: readonly (string | null)[],
  perChunk: number,
): Promise<(string | null)[]> {
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE t (row_number INTEGER, s VARCHAR)');
    const appender = await connection.createAppender('t');
    const chunk = duckdb.DuckDBDataChunk.create([appender.columnType(0), appender.columnType(1)]);
    const filler = new DuckDBStringFiller();
    const { offsets, bytes, validity } = utf8Column(values);
    for (let start = 0; start < values.length; start += perChunk) {
      const count = Math.min(perChunk, values.length - start);
      const raw = chunk.chunk;
      bindings.data_chunk_reset(raw);
      const rowNumbers = Int32Array.from({ length: count }, (_, i) => start + i);
      bindings.copy_data_to_vector(
        bindings.data_chunk_get_vector(raw, 0),
        0,
        rowNumbers.buffer,
        0,
        count * 4,
      );
      const strings = bindings.data_chunk_get_vector(raw, 1);
      filler.fill(strings, offsets, bytes, start, count, validity, 0);
      if (validity) {
        // The filler leaves null rows empty; the appender marks them invalid (as here).
        bindings.vector_ensure_validity_writable(strings);
        const bits = new Uint8Array((count + 7) >> 3);
        for (let i = 0; i < count; i++)
          if (values[start + i] !== null) bits[i >> 3]! |= 1 << (i & 7);
        bindings.copy_data_to_vector_validity(strings, 0, bits.buffer, 0, bits.length);
      }
      bindings.data_chunk_set_size(raw, count);
      appender.appendDataChunk(chunk);
      // Overwrite the vector's string heap before the next chunk: appended rows must own their bytes.
      bindings.data_chunk_reset(raw);
      filler.fill(
        bindings.data_chunk_get_vector(raw, 1),
        utf8Column(['x'.repeat(4096)]).offsets,
        utf8Column(['x'.repeat(4096)]).bytes,
        0,
        1,
        null,
        0,
      );
    }
    appender.closeSync();
    const reader = await connection.runAndReadAll('SELECT s FROM t ORDER BY row_number');
    return reader.getRows().map(([value]) => (value === null ? null : String(value)));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('DuckDBStringFiller', () => {
  it('holds on this DuckDB build', async () => {
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const chunk = duckdb.DuckDBDataChunk.create([duckdb.VARCHAR]);
    expect(DuckDBStringFiller.usable(bindings.data_chunk_get_vector(chunk.chunk, 0))).toBe(true);
    instance.closeSync();
  });

  it('appends inlined, long, empty, multi-byte and null strings as they were', async () => {
    const values = [
      '',
      'a',
      'twelve bytes',
      'thirteen byte',
      'P00A1B2C3D4E5',
      null,
      'Réseau de santé — 85+ 🏥',
      'x'.repeat(300),
      '"quoted, with comma"',
      null,
    ];
    expect(await roundTrip(values, values.length)).toEqual(values);
    expect(await roundTrip(values, 3)).toEqual(values);
  });

  it('appends full chunks of any strings exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { freq: 8 }), {
          minLength: 1,
          maxLength: 2 * VECTOR_SIZE + 5,
        }),
        async (values) => {
          expect(await roundTrip(values, VECTOR_SIZE)).toEqual(values);
        },
      ),
      { numRuns: 15 },
    );
  });
});
