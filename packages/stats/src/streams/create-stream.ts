import type { RandomSource } from './random-source.js';
import { streamState } from './stream-state.js';
import { Xoroshiro128PlusSource } from './xoroshiro128-plus-source.js';

/**
 * The random stream for one (run seed, purpose, block or entity index).
 *
 * The three inputs are hashed into the full 128-bit xoroshiro128+ state (FNV-1a 64 over the
 * purpose, SplitMix64 finalisers over seed, purpose hash and index), so nearby seeds and
 * indices give unrelated streams, and the same triple always gives the same draws.
 *
 * @param seed run seed, an integer in [0, 2^64) (a safe integer when a number)
 * @param purpose what the stream is for, e.g. `'ed-arrivals'`; different purposes never
 *   share draws
 * @param index block or entity index, a safe integer >= 0
 */
export function createStream(seed: number | bigint, purpose: string, index: number): RandomSource {
  return new Xoroshiro128PlusSource(streamState(seed, purpose, index));
}
