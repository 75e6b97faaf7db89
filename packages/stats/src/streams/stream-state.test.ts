import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamState } from './stream-state.js';

// The construction written once more, plainly, in BigInt: the spec the fast 32-bit code obeys.
const MASK = (1n << 64n) - 1n;
function mix64(value: bigint): bigint {
  let z = value;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & MASK;
  }
  return hash;
}
function referenceState(seed: bigint, purpose: string, index: number): number[] {
  const lane = (key: bigint): bigint =>
    mix64(mix64(mix64(seed ^ key) ^ fnv1a64(purpose)) ^ BigInt(index));
  return [lane(0x9e3779b97f4a7c15n), lane(0x6a09e667f3bcc908n)].flatMap((word) => [
    Number(BigInt.asIntN(32, word >> 32n)),
    Number(BigInt.asIntN(32, word)),
  ]);
}

describe('streamState', () => {
  it('has a reference FNV-1a 64 that gives the published test vectors', () => {
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64('foobar')).toBe(0x85944171f73967e8n);
  });

  it('equals the BigInt reference for any seed, purpose and index', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MASK }),
        fc.string({ minLength: 1, unit: 'binary' }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        (seed, purpose, index) => {
          expect(streamState(seed, purpose, index)).toEqual(referenceState(seed, purpose, index));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes a number seed as the same integer', () => {
    expect(streamState(2 ** 53 - 1, 'x', 3)).toEqual(streamState(2n ** 53n - 1n, 'x', 3));
  });

  it.each([
    [-1, 'x', 0, 'seed must be an integer in [0, 2^64) (got -1)'],
    [0.5, 'x', 0, 'seed must be an integer in [0, 2^64) (got 0.5)'],
    [2n ** 64n, 'x', 0, 'seed must be an integer in [0, 2^64) (got 18446744073709551616)'],
    [1, '', 0, 'purpose must be a non-empty string'],
    [1, 'x', -1, 'index must be a safe integer >= 0 (got -1)'],
    [1, 'x', 2 ** 53, 'index must be a safe integer >= 0 (got 9007199254740992)'],
  ])('rejects seed %s, purpose %j, index %d', (seed, purpose, index, message) => {
    expect(() => streamState(seed, purpose, index)).toThrow(new RangeError(message));
  });
});
