import fc from 'fast-check';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { Xoroshiro128PlusSource } from './xoroshiro128-plus-source.js';

const stateArbitrary = fc
  .tuple(fc.integer(), fc.integer(), fc.integer(), fc.integer())
  .map(([a, b, c, d]) => [a | 0, b | 0, c | 0, d | 0] as [number, number, number, number])
  .filter((state) => state.some((word) => word !== 0));

describe('Xoroshiro128PlusSource', () => {
  it('combines the high 27 and 26 bits of two pure-rand outputs into one 53-bit double', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const source = new Xoroshiro128PlusSource(state);
        const reference = xoroshiro128plusFromState(state);
        for (let i = 0; i < 20; i++) {
          const high = reference.next() >>> 5;
          const low = reference.next() >>> 6;
          const value = source.next();
          expect(value).toBe((high * 2 ** 26 + low) / 2 ** 53);
          expect(Number.isInteger(value * 2 ** 53) && value >= 0 && value < 1).toBe(true);
        }
      }),
    );
  });

  it('refuses the all-zero state, from which xoroshiro never leaves', () => {
    expect(() => new Xoroshiro128PlusSource([0, 0, 0, 0])).toThrow(
      new RangeError('xoroshiro128+ state must not be all zero'),
    );
  });
});
