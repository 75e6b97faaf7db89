import { describe, expect, it } from 'vitest';
import { pearson } from '../statistics/pearson.js';
import { createStream } from './create-stream.js';
import type { RandomSource } from './random-source.js';

function draws(source: RandomSource, count: number): Float64Array {
  return Float64Array.from({ length: count }, () => source.next());
}

/** |r| of independent uniforms has standard error 1/√n; allow 4. */
function expectUncorrelated(a: Float64Array, b: Float64Array): void {
  expect(Math.abs(pearson(a, b))).toBeLessThan(4 / Math.sqrt(a.length));
}

describe('createStream', () => {
  it('gives the same draws for the same (seed, purpose, index)', () => {
    expect(draws(createStream(42, 'ed-arrivals', 7), 100)).toEqual(
      draws(createStream(42n, 'ed-arrivals', 7), 100),
    );
  });

  it('gives different draws when any of the three changes', () => {
    const base = draws(createStream(42, 'ed-arrivals', 7), 4);
    expect(draws(createStream(43, 'ed-arrivals', 7), 4)).not.toEqual(base);
    expect(draws(createStream(42, 'ed-arrival', 7), 4)).not.toEqual(base);
    expect(draws(createStream(42, 'ed-arrivals', 8), 4)).not.toEqual(base);
  });

  it('makes adjacent streams uncorrelated (index, seed and purpose neighbours)', () => {
    for (let i = 0; i < 50; i++) {
      const here = draws(createStream(1, 'neighbours', i), 10_000);
      expectUncorrelated(here, draws(createStream(1, 'neighbours', i + 1), 10_000));
      expectUncorrelated(here, draws(createStream(2, 'neighbours', i), 10_000));
      expectUncorrelated(here, draws(createStream(1, 'neighbourt', i), 10_000));
    }
  });

  it('makes the first draws of consecutive streams uniform and serially uncorrelated', () => {
    const firsts = Float64Array.from({ length: 100_000 }, (_, i) =>
      createStream(5, 'first-draws', i).next(),
    );
    expectUncorrelated(firsts.subarray(0, -1), firsts.subarray(1));
    // Bin counts of 10 equal bins within 4 binomial standard errors.
    const bins = new Float64Array(10);
    for (const value of firsts) bins[Math.floor(value * 10)]! += 1;
    const expected = firsts.length / 10;
    for (const count of bins)
      expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected * 0.9));
  });

  it('repeats no output across many streams', () => {
    const seen = new Set<number>();
    for (let index = 0; index < 2000; index++) {
      const source = createStream(9, 'no-repeats', index);
      for (let i = 0; i < 500; i++) seen.add(source.next());
    }
    // 10^6 draws of 53 bits: a collision would have probability ~5e-5.
    expect(seen.size).toBe(1_000_000);
  });
});
