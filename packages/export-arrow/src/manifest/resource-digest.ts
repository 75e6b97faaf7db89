import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileDigest } from './file-digest.js';

export interface ResourceDigest {
  readonly bytes: number;
  /** `sha256:<hex>` */
  readonly hash: string;
}

/**
 * Bytes and hash of a resource's `path` as the manifest gives it (relative to
 * `dir`). A single file: the SHA-256 of its bytes. A list of parts (hive
 * partitions): the SHA-256 of the lines `<part sha256 hex>  <part path>\n` in
 * list order, i.e. of what `sha256sum` prints for them; bytes is the sum.
 */
export async function resourceDigest(
  dir: string,
  path: string | readonly string[],
  options: { sync?: boolean } = {},
): Promise<ResourceDigest> {
  if (typeof path === 'string') {
    const digest = await fileDigest(join(dir, path), options);
    return { bytes: digest.bytes, hash: `sha256:${digest.sha256}` };
  }
  let bytes = 0;
  let listing = '';
  for (const part of path) {
    const digest = await fileDigest(join(dir, part), options);
    bytes += digest.bytes;
    listing += `${digest.sha256}  ${part}\n`;
  }
  return { bytes, hash: `sha256:${createHash('sha256').update(listing).digest('hex')}` };
}
