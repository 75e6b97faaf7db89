import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RecordBatch, tableFromIPC } from 'apache-arrow';

/** DuckDB's row group, which lm-synth's Parquet files use: each read decodes whole groups. */
const ROWS_PER_READ = 122_880;

/**
 * The rows of Parquet files as Arrow batches, decoded (parquet-wasm, columnar)
 * a row group's worth at a time, so memory holds one file's compressed bytes
 * and one decoded group.
 */
export async function* parquetBatches(
  dir: string,
  paths: readonly string[],
): AsyncGenerator<RecordBatch> {
  // Compiling the WebAssembly takes a few hundred milliseconds: only when Parquet is read.
  const { readParquet } = await import('parquet-wasm');
  for (const path of paths) {
    const bytes = await readFile(join(dir, path));
    for (let offset = 0; ; offset += ROWS_PER_READ) {
      const table = tableFromIPC(
        readParquet(bytes, { offset, limit: ROWS_PER_READ }).intoIPCStream(),
      );
      yield* table.batches;
      if (table.numRows < ROWS_PER_READ) break;
    }
  }
}
