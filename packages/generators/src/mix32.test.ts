import { describe, expect, it } from 'vitest';
import { mix32 } from './mix32.js';

describe('mix32', () => {
  it('maps 32-bit integers to unsigned 32-bit integers, spreading neighbours apart', () => {
    const outputs = Array.from({ length: 4_096 }, (_, i) => mix32(i));
    expect(outputs.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)).toBe(true);
    expect(new Set(outputs).size).toBe(outputs.length);
    // About half the bits flip between neighbours (avalanche): mean popcount of x ^ (x+1) hashes near 16.
    let bits = 0;
    for (let i = 0; i < 4_095; i++) {
      let x = (outputs[i]! ^ outputs[i + 1]!) >>> 0;
      while (x) {
        bits += x & 1;
        x >>>= 1;
      }
    }
    // 4,095 pairs x 32 fair bits: mean 16, standard error 2 / sqrt(4,095) ~ 0.031; 5 SE.
    expect(Math.abs(bits / 4_095 - 16)).toBeLessThan(0.16);
  });
});
