import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyBits } from './copy-bits.js';

const bit = (bytes: Uint8Array, i: number) => (bytes[i >> 3]! >> (i & 7)) & 1;

describe('copyBits', () => {
  it('copies exactly the requested bits, aligned or not, and leaves the others', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (source, target, a, b, c) => {
          const sourceBit = a % (source.length * 8);
          const targetBit = b % (target.length * 8);
          const count =
            c % (Math.min(source.length * 8 - sourceBit, target.length * 8 - targetBit) + 1);
          const copied = Uint8Array.from(target);
          copyBits(source, sourceBit, copied, targetBit, count);
          for (let i = 0; i < target.length * 8; i++) {
            const inside = i >= targetBit && i < targetBit + count;
            expect(bit(copied, i)).toBe(
              inside ? bit(source, sourceBit + i - targetBit) : bit(target, i),
            );
          }
        },
      ),
    );
  });
});
