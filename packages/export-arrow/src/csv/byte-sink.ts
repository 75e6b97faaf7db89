/** Bytes per output chunk: large writes, few system calls. */
const CHUNK_BYTES = 1 << 20;

/**
 * A growing list of filled buffers that encoders write into directly
 * (`buffer[position++] = byte`), calling `reserve(n)` before writing up to n bytes.
 */
export class ByteSink {
  buffer: Buffer = Buffer.alloc(0);
  position = 0;
  private readonly filled: Buffer[] = [];

  reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    this.seal();
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
  }

  /** The buffers filled so far; the sink starts over. */
  take(): Buffer[] {
    this.seal();
    return this.filled.splice(0);
  }

  /** Hands out the filled part; the memory is never written again, so the next reserve() allocates. */
  private seal(): void {
    if (this.position > 0) this.filled.push(this.buffer.subarray(0, this.position));
    this.buffer = Buffer.alloc(0);
    this.position = 0;
  }
}
