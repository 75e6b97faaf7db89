import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundedFile } from './read-bounded-file.js';

describe('readBoundedFile', () => {
  it('reads a small file whole and at most one byte past the limit of a big or endless one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-synth-bounded-'));
    try {
      writeFileSync(join(dir, 'small'), 'abc');
      writeFileSync(join(dir, 'big'), 'x'.repeat(100));
      expect(Buffer.from(await readBoundedFile(join(dir, 'small'), 10)).toString()).toBe('abc');
      expect(await readBoundedFile(join(dir, 'big'), 10)).toHaveLength(11);
      expect(await readBoundedFile('/dev/zero', 10)).toHaveLength(11);
      await expect(readBoundedFile(join(dir, 'missing'), 10)).rejects.toMatchObject({
        code: 'ENOENT',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
