import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { type RecordBatch, Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/**
 * Record batches set aside on disk while another table is written: each batch as an Arrow
 * IPC stream behind its byte length. Sampling makes one pass for all the fact tables and
 * spills the children here, so memory holds one block and the patients are not drawn again
 * for each child table.
 */
export class SpillFile {
  private fd: number | null;
  private readonly header = Buffer.alloc(4);

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(batch: RecordBatch): void {
    if (this.fd === null) throw new Error(`${this.path} is closed`);
    const bytes = tableToIPC(new Table([batch]), 'stream');
    this.header.writeUInt32LE(bytes.byteLength, 0);
    writeSync(this.fd, this.header);
    writeSync(this.fd, bytes);
  }

  /** Reads the batches back in order, then removes the file. */
  *read(): Generator<RecordBatch> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const fd = openSync(this.path, 'r');
    try {
      let position = 0;
      const header = Buffer.alloc(4);
      while (readSync(fd, header, 0, 4, position) === 4) {
        const length = header.readUInt32LE(0);
        const bytes = Buffer.alloc(length);
        readSync(fd, bytes, 0, length, position + 4);
        position += 4 + length;
        yield* tableFromIPC(bytes).batches;
      }
    } finally {
      closeSync(fd);
      this.remove();
    }
  }

  remove(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.path, { force: true });
  }
}
