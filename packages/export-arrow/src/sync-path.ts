import { open } from 'node:fs/promises';

/** fsync a file or directory, so that its contents or entries survive a power cut. */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
