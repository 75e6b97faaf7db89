import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInt64 } from './write-int64.js';

describe('writeInt64', () => {
  it('stores any safe integer exactly', () => {
    const values = new BigInt64Array(1);
    const words = new Int32Array(values.buffer);
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        writeInt64(words, 0, value);
        expect(values[0]).toBe(BigInt(value));
      }),
    );
  });
});
