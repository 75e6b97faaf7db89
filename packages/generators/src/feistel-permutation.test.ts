import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeistelPermutation } from './feistel-permutation.js';

describe('FeistelPermutation', () => {
  it('is a bijection of [0, size) for any size and key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.nat(1_000), (size, index) => {
        const permutation = new FeistelPermutation(size, 7, 'test', index);
        const seen = new Uint8Array(size);
        let outside = 0;
        for (let i = 0; i < size; i++) {
          const image = permutation.apply(i);
          if (Number.isInteger(image) && image >= 0 && image < size) seen[image] = 1;
          else outside++;
        }
        expect(outside).toBe(0);
        expect(seen.every((flag) => flag === 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('maps 48-bit values to 48-bit values without collisions on a sample', () => {
    const permutation = new FeistelPermutation(2 ** 48, 42, 'test', 0);
    const images = new Set<number>();
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      const image = permutation.apply(i);
      largest = Math.max(largest, image);
      images.add(image);
    }
    expect(images.size).toBe(100_000);
    expect(largest).toBeLessThan(2 ** 48);
    // 100,000 uniform draws from [0, 2^48) reach within a tiny fraction of the top.
    expect(largest).toBeGreaterThan(0.999 * 2 ** 48);
  });

  it('depends on the key', () => {
    const a = new FeistelPermutation(1_000, 1, 'test', 0);
    const b = new FeistelPermutation(1_000, 2, 'test', 0);
    let same = 0;
    for (let i = 0; i < 1_000; i++) if (a.apply(i) === b.apply(i)) same++;
    // Two independent random permutations share about one fixed point (Poisson(1)).
    expect(same).toBeLessThan(10);
  });
});
