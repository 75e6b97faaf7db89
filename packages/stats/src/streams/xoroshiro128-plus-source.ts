import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomSource } from './random-source.js';

type PureRandGenerator = ReturnType<typeof xoroshiro128plusFromState>;

const TWO_POW_26 = 67_108_864;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * The one adapter over pure-rand (pinned to its 8.x major in the workspace catalog): a
 * xoroshiro128+ generator stepped in place, exposed as a {@link RandomSource}.
 *
 * A double takes two 32-bit outputs and keeps their high bits (27 + 26): the lowest bits of
 * xoroshiro128+ have low linear complexity (Blackman & Vigna 2018), so they are discarded.
 */
export class Xoroshiro128PlusSource implements RandomSource {
  private readonly generator: PureRandGenerator;

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
    const high = this.generator.next() >>> 5;
    const low = this.generator.next() >>> 6;
    return (high * TWO_POW_26 + low) * TWO_POW_MINUS_53;
  }
}
