import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import { batchCodecs } from './batch-codecs.js';

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * A batch as LOAD DATA's native text (tab-separated, backslash escapes, `\N`
 * nulls, one line per row), in chunks of about `chunkBytes`, written straight
 * from the Arrow buffers.
 */
export function* tsvChunks(
  table: TableDefinition,
  batch: RecordBatch,
  options: { chunkBytes: number; firstRow: number },
): Generator<Buffer> {
  const codecs = batchCodecs(table, batch, options.firstRow);
  const variable = codecs.filter((codec) => codec.fixedWidth < 0);
  const fixedWidth = codecs.reduce((sum, codec) => sum + Math.max(codec.fixedWidth, 0) + 1, 0);
  const count = codecs.length;
  const rows = batch.numRows;
  let buffer = Buffer.allocUnsafe(options.chunkBytes + fixedWidth);
  let pos = 0;
  for (let row = 0; row < rows; row++) {
    let need = fixedWidth;
    for (const codec of variable) need += codec.width(row);
    if (pos + need > buffer.length) {
      if (pos > 0) yield buffer.subarray(0, pos);
      buffer = Buffer.allocUnsafe(Math.max(options.chunkBytes + fixedWidth, need));
      pos = 0;
    }
    pos = codecs[0]!.write(buffer, pos, row);
    for (let c = 1; c < count; c++) {
      buffer[pos++] = TAB;
      pos = codecs[c]!.write(buffer, pos, row);
    }
    buffer[pos++] = NEWLINE;
    if (pos >= options.chunkBytes) {
      yield buffer.subarray(0, pos);
      buffer = Buffer.allocUnsafe(options.chunkBytes + fixedWidth);
      pos = 0;
    }
  }
  if (pos > 0) yield buffer.subarray(0, pos);
}
