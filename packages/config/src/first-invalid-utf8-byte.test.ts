import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte } from './first-invalid-utf8-byte.js';

const decodes = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8Byte', () => {
  it('finds the start of overlongs, surrogates, stray continuations and cut sequences', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8Byte(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9)).toBe(-1);
    expect(at(0x61, 0xc0, 0xaf)).toBe(1); // overlong '/'
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0x61, 0x80)).toBe(1);
    expect(at(0x61, 0xe2, 0x82)).toBe(1);
  });

  it('agrees with the fatal TextDecoder, and everything before it decodes', () => {
    // Bytes drawn mostly from UTF-8 text, with raw bytes mixed in.
    const chunk = fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text)),
      fc.uint8Array({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 6 }), (chunks) => {
        const bytes = Uint8Array.from(chunks.flatMap((part) => [...part]));
        const offset = firstInvalidUtf8Byte(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
