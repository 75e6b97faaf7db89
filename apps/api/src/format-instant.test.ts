import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant.js';

describe('formatInstant', () => {
  it('writes whole seconds with milliseconds, as Date does', () => {
    expect(formatInstant(1_746_895_427_000_000n)).toBe('2025-05-10T16:43:47.000Z');
  });

  it('keeps microseconds when there are any', () => {
    expect(formatInstant(1_746_895_427_000_123n)).toBe('2025-05-10T16:43:47.000123Z');
    expect(formatInstant(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('round-trips every instant to the microsecond', () => {
    const range = 253_402_300_799_999_999n; // up to 9999-12-31T23:59:59.999999Z
    fc.assert(
      fc.property(fc.bigInt({ min: -62_135_596_800_000_000n, max: range }), (micros) => {
        const text = formatInstant(micros);
        const [whole, fraction = ''] = text.slice(0, -1).split('.');
        const seconds = BigInt(Date.parse(`${whole}Z`)) * 1000n;
        expect(seconds + BigInt(fraction.padEnd(6, '0'))).toBe(micros);
      }),
    );
  });
});
