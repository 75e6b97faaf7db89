import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomSource } from './random-source.js';

type PureRandGenerator = ReturnType<typeof xoroshiro128plusFromState>;

const BUFFER_SIZE = 128;
const TWO_POW_26 = 67_108_864;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * The one adapter over pure-rand (pinned to its 8.x major in the workspace catalog): a
 * xoroshiro128+ generator stepped in place, exposed as a {@link RandomSource}.
 *
 * A double takes two 32-bit outputs and keeps their high bits (27 + 26): the lowest bits of
 * xoroshiro128+ have low linear complexity (Blackman & Vigna 2018), so they are discarded.
 *
 * Doubles are made 128 at a time in a tight loop and handed out from a buffer: `next()`
 * then stays small enough for V8 to inline into samplers' loops (two inlined pure-rand
 * steps used to exhaust its inlining budget, so the ziggurat ran as a call), which measured
 * 1.3-1.8x faster for the normal, lognormal and gamma samplers. The sequence is unchanged.
 */
export class Xoroshiro128PlusSource implements RandomSource {
  private readonly generator: PureRandGenerator;
  private readonly buffer = new Float64Array(BUFFER_SIZE);
  private index = BUFFER_SIZE;

  /**
   * @param state pure-rand's xoroshiro128+ state: four signed 32-bit words
   *   `[s0 high, s0 low, s1 high, s1 low]`, not all zero.
   */
  constructor(state: readonly [number, number, number, number]) {
    if ((state[0] | state[1] | state[2] | state[3]) === 0) {
      throw new RangeError('xoroshiro128+ state must not be all zero');
    }
    this.generator = xoroshiro128plusFromState(state);
  }

  next(): number {
    if (this.index === BUFFER_SIZE) this.refill();
    return this.buffer[this.index++]!;
  }

  private refill(): void {
    const generator = this.generator;
    const buffer = this.buffer;
    for (let i = 0; i < BUFFER_SIZE; i++) {
      const high = generator.next() >>> 5;
      const low = generator.next() >>> 6;
      buffer[i] = (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
    }
    this.index = 0;
  }
}
