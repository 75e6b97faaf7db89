import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableDefinition } from '@lm-synth/dims';
import { AsyncByteQueue, type RecordBatch, RecordBatchFileWriter } from 'apache-arrow';
import { canonicalSchema } from './canonical-schema.js';
import type { TableFileWriter } from './table-file-writer.js';

/** Collects what the Arrow writer emits so that it can be written with backpressure. */
class CollectedBytes extends AsyncByteQueue<Uint8Array> {
  readonly chunks: Uint8Array[] = [];

  override write(value: Uint8Array): void {
    this.chunks.push(value);
  }
}

/**
 * `<table>.arrow`: the Arrow IPC file format with the catalogue schema. Every
 * batch shares one dictionary per enum column, so each is written once.
 */
export class ArrowIpcTableWriter implements TableFileWriter {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly writer: RecordBatchFileWriter,
    private readonly bytes: CollectedBytes,
  ) {}

  static async create(dir: string, table: TableDefinition): Promise<ArrowIpcTableWriter> {
    const file = `${table.name}.arrow`;
    const handle = await open(join(dir, file), 'wx');
    const bytes = new CollectedBytes();
    // Starting with the schema makes an empty table a valid file too.
    const writer = new RecordBatchFileWriter().reset(bytes, canonicalSchema(table));
    const ipc = new ArrowIpcTableWriter(file, handle, writer, bytes);
    await ipc.flush();
    return ipc;
  }

  async write(batch: RecordBatch): Promise<void> {
    this.writer.write(batch);
    await this.flush();
  }

  async close(): Promise<readonly string[]> {
    this.writer.close();
    await this.flush();
    await this.handle.close();
    return [this.file];
  }

  async abort(): Promise<void> {
    await this.handle.close();
  }

  private async flush(): Promise<void> {
    const chunks = this.bytes.chunks.splice(0);
    if (chunks.length > 0) await this.handle.writev(chunks);
  }
}
