import { open } from 'node:fs/promises';

/**
 * Reads at most `limit + 1` bytes of a file: enough to tell that it is over
 * the limit without reading (or allocating) all of a huge or endless one.
 */
export async function readBoundedFile(file: string, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
