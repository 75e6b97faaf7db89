import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export interface FileDigest {
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** Size and SHA-256 of a file; `sync` also flushes it to disk (done once, before the dataset is renamed into place). */
export async function fileDigest(
  path: string,
  options: { sync?: boolean } = {},
): Promise<FileDigest> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of handle.createReadStream({
      autoClose: false,
      highWaterMark: 1 << 20,
    })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    if (options.sync) await handle.sync();
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
