/**
 * A source of uniform random numbers that every sampler draws from.
 *
 * `next()` returns a double in [0, 1) that is a multiple of 2^-53, so all 53 bits of the
 * mantissa are random. Implementations must be deterministic: the same state yields the
 * same sequence.
 */
export interface RandomSource {
  next(): number;
}
