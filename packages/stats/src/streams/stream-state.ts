// 64-bit arithmetic on two unsigned 32-bit halves held in a typed array (plain module
// variables would box every value above 2^30), so deriving a stream allocates next to
// nothing; BigInt would be several times slower per stream.
const REGISTER = new Uint32Array(2);
const HIGH = 0;
const LOW = 1;

function load(high: number, low: number): void {
  REGISTER[HIGH] = high;
  REGISTER[LOW] = low;
}

function xorWith(otherHigh: number, otherLow: number): void {
  REGISTER[HIGH] = REGISTER[HIGH]! ^ otherHigh;
  REGISTER[LOW] = REGISTER[LOW]! ^ otherLow;
}

function xorShiftRight(shift: number): void {
  const high = REGISTER[HIGH]!;
  const low = REGISTER[LOW]!;
  REGISTER[LOW] = low ^ ((low >>> shift) | (high << (32 - shift)));
  REGISTER[HIGH] = high ^ (high >>> shift);
}

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers, via 16-bit limbs. */
function multiplyHigh32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const lowLow = a0 * b0;
  const highLow = a1 * b0;
  const cross = (lowLow >>> 16) + (highLow & 0xffff) + a0 * b1;
  return a1 * b1 + (highLow >>> 16) + (cross >>> 16);
}

function multiplyBy(constantHigh: number, constantLow: number): void {
  const high = REGISTER[HIGH]!;
  const low = REGISTER[LOW]!;
  REGISTER[HIGH] =
    multiplyHigh32(low, constantLow) + Math.imul(high, constantLow) + Math.imul(low, constantHigh);
  REGISTER[LOW] = Math.imul(low, constantLow);
}

// SplitMix64's finaliser (Steele, Lea & Flood 2014, with Stafford's "Mix13" constants): a
// bijection on 64 bits with full avalanche.
function mix64(): void {
  xorShiftRight(30);
  multiplyBy(0xbf58476d, 0x1ce4e5b9);
  xorShiftRight(27);
  multiplyBy(0x94d049bb, 0x133111eb);
  xorShiftRight(31);
}

function fnvByte(byte: number): void {
  REGISTER[LOW] = REGISTER[LOW]! ^ byte;
  multiplyBy(0x100, 0x1b3);
}

// FNV-1a 64 (Fowler, Noll & Vo) over the UTF-8 bytes of `text`; lone surrogates count as
// U+FFFD, as TextEncoder encodes them.
function fnv1a64(text: string): [number, number] {
  load(FNV_OFFSET_BASIS[0], FNV_OFFSET_BASIS[1]);
  for (const character of text) {
    let codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd;
    if (codePoint < 0x80) {
      fnvByte(codePoint);
    } else if (codePoint < 0x800) {
      fnvByte(0xc0 | (codePoint >>> 6));
      fnvByte(0x80 | (codePoint & 0x3f));
    } else if (codePoint < 0x10000) {
      fnvByte(0xe0 | (codePoint >>> 12));
      fnvByte(0x80 | ((codePoint >>> 6) & 0x3f));
      fnvByte(0x80 | (codePoint & 0x3f));
    } else {
      fnvByte(0xf0 | (codePoint >>> 18));
      fnvByte(0x80 | ((codePoint >>> 12) & 0x3f));
      fnvByte(0x80 | ((codePoint >>> 6) & 0x3f));
      fnvByte(0x80 | (codePoint & 0x3f));
    }
  }
  return [REGISTER[HIGH]!, REGISTER[LOW]!];
}

function splitUint64(value: number | bigint): [number, number] {
  if (typeof value === 'bigint') {
    return [Number((value >> 32n) & 0xffffffffn), Number(value & 0xffffffffn)];
  }
  return [Math.floor(value / 0x1_0000_0000), value >>> 0];
}

const FNV_OFFSET_BASIS = [0xcbf29ce4, 0x84222325] as const;
/** Lane keys K_0, K_1: 2^64/φ and the fractional bits of √2 (SHA-512's first IV word). */
const LANE_KEYS = [
  [0x9e3779b9, 0x7f4a7c15],
  [0x6a09e667, 0xf3bcc908],
] as const;

const TWO_POW_64 = 1n << 64n;

/**
 * The xoroshiro128+ state of the stream for (seed, purpose, index), as pure-rand's four
 * signed 32-bit words. Each 64-bit state word ("lane" c) is
 *
 *   mix64(mix64(mix64(seed ^ K_c) ^ fnv1a64(purpose)) ^ index)
 *
 * so for a fixed seed and purpose each lane is a bijection of the index: distinct indices
 * never share a state. Should both lanes be zero (probability 2^-128), lane 1 becomes K_1.
 */
export function streamState(
  seed: number | bigint,
  purpose: string,
  index: number,
): [number, number, number, number] {
  if (typeof seed === 'bigint' ? seed < 0n || seed >= TWO_POW_64 : !isUint53(seed)) {
    throw new RangeError(`seed must be an integer in [0, 2^64) (got ${String(seed)})`);
  }
  if (typeof purpose !== 'string' || purpose.length === 0) {
    throw new RangeError('purpose must be a non-empty string');
  }
  if (!isUint53(index)) {
    throw new RangeError(`index must be a safe integer >= 0 (got ${String(index)})`);
  }
  const purposeHash = fnv1a64(purpose);
  const seedWords = splitUint64(seed);
  const indexWords = splitUint64(index);
  const lane = (key: readonly [number, number]): [number, number] => {
    load(seedWords[0], seedWords[1]);
    xorWith(key[0], key[1]);
    mix64();
    xorWith(purposeHash[0], purposeHash[1]);
    mix64();
    xorWith(indexWords[0], indexWords[1]);
    mix64();
    return [REGISTER[HIGH]! | 0, REGISTER[LOW]! | 0];
  };
  const [s0High, s0Low] = lane(LANE_KEYS[0]);
  const [s1High, s1Low] = lane(LANE_KEYS[1]);
  if ((s0High | s0Low | s1High | s1Low) === 0) {
    return [0, 0, LANE_KEYS[1][0] | 0, LANE_KEYS[1][1] | 0];
  }
  return [s0High, s0Low, s1High, s1Low];
}

function isUint53(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
