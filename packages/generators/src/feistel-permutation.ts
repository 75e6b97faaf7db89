import { createStream } from '@lm-synth/stats';
import { mix32 } from './mix32.js';

const ROUNDS = 4;
const TWO_POW_32 = 4_294_967_296;

/**
 * A keyed bijection of [0, size): a four-round Feistel network (Luby &
 * Rackoff) over the smallest number of bits that covers `size`, with halves
 * of ceil(bits/2) and floor(bits/2) bits that swap sides each round, restricted
 * to the range by cycle walking (Black & Rogaway, "Ciphers with arbitrary
 * finite domains", CT-RSA 2002; under two steps on average). It shuffles
 * without storing anything, so any element is computed on its own; size may
 * reach 2^48.
 */
export class FeistelPermutation {
  readonly size: number;
  /** 2^ceil(bits/2) and 2^floor(bits/2). */
  private readonly wide: number;
  private readonly narrow: number;
  private readonly keys: Uint32Array;

  /** The round keys come from the stream (seed, purpose, index). */
  constructor(size: number, seed: number, purpose: string, index: number) {
    if (!(Number.isSafeInteger(size) && size >= 1 && size <= 2 ** 48)) {
      throw new RangeError(`size must be an integer in [1, 2^48] (got ${size})`);
    }
    this.size = size;
    let bits = 1;
    while (2 ** bits < size) bits++;
    this.wide = 2 ** Math.ceil(bits / 2);
    this.narrow = 2 ** Math.floor(bits / 2);
    const stream = createStream(seed, purpose, index);
    this.keys = Uint32Array.from({ length: ROUNDS }, () => Math.floor(stream.next() * TWO_POW_32));
  }

  /** The image of `value` in [0, size). */
  apply(value: number): number {
    if (this.size === 1) return 0;
    do value = this.encrypt(value);
    while (value >= this.size);
    return value;
  }

  private encrypt(value: number): number {
    const { keys } = this;
    // value = left * narrow + right, left < wide, right < narrow; each round maps (left, right)
    // to (right, left ^ f(right)), so the halves trade widths and an even round count restores them.
    let leftSize = this.wide;
    let rightSize = this.narrow;
    let left = Math.floor(value / rightSize);
    let right = value - left * rightSize;
    for (let round = 0; round < ROUNDS; round++) {
      const next = (left ^ mix32(right ^ keys[round]!)) & (leftSize - 1);
      left = right;
      right = next >>> 0;
      const size = leftSize;
      leftSize = rightSize;
      rightSize = size;
    }
    return left * rightSize + right;
  }
}
