import { Readable } from 'node:stream';
import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import { tsvChunks } from './tsv-chunks.js';

export interface TsvStream {
  readonly stream: Readable;
  /** Rows written so far; final once the stream has ended. */
  rows(): number;
}

/**
 * A table's batches as one LOAD DATA stream. Batches are pulled only as the
 * socket drains (mysql2 pauses the stream when its writes back up), so memory
 * stays near one batch whatever the table size.
 */
export function tsvStream(
  table: TableDefinition,
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  chunkBytes: number,
): TsvStream {
  let rows = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const batch of batches) {
      yield* tsvChunks(table, batch, { chunkBytes, firstRow: rows });
      rows += batch.numRows;
    }
  }
  return {
    stream: Readable.from(chunks(), { objectMode: false, highWaterMark: 2 * chunkBytes }),
    rows: () => rows,
  };
}
