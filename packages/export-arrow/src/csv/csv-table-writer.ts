import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import type { TableFileWriter } from '../table-file-writer.js';
import { CsvEncoder } from './csv-encoder.js';

/** `<table>.csv`: each batch is encoded into large chunks and written before the next is taken. */
export class CsvTableWriter implements TableFileWriter {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly encoder: CsvEncoder,
  ) {}

  static async create(dir: string, table: TableDefinition): Promise<CsvTableWriter> {
    const file = `${table.name}.csv`;
    const handle = await open(join(dir, file), 'wx');
    const encoder = new CsvEncoder(table);
    await handle.write(encoder.header());
    return new CsvTableWriter(file, handle, encoder);
  }

  async write(batch: RecordBatch): Promise<void> {
    await this.handle.writev(this.encoder.encode(batch));
  }

  async close(): Promise<readonly string[]> {
    await this.handle.close();
    return [this.file];
  }

  async abort(): Promise<void> {
    await this.handle.close();
  }
}
