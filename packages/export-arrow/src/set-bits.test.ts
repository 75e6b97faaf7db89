import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setBits } from './set-bits.js';

describe('setBits', () => {
  it('sets exactly the requested range to 1', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (target, a, b) => {
          const start = a % (target.length * 8);
          const count = b % (target.length * 8 - start + 1);
          const result = Uint8Array.from(target);
          setBits(result, start, count);
          for (let i = 0; i < target.length * 8; i++) {
            const expected = i >= start && i < start + count ? 1 : (target[i >> 3]! >> (i & 7)) & 1;
            expect((result[i >> 3]! >> (i & 7)) & 1).toBe(expected);
          }
        },
      ),
    );
  });
});
