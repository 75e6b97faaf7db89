import { describe, expect, it } from 'vitest';
import { lognormalDistribution } from '../distributions/lognormal-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillLognormal } from './fill-lognormal.js';
import { lognormal } from './lognormal.js';

describe('lognormal', () => {
  // σ from nearly degenerate to heavy-tailed.
  it.each([
    [0, 0.01],
    [1.5, 0.5],
    [-1, 1.2],
    [2, 3],
  ])('matches Lognormal(%d, %d)', (mu, sigma) => {
    const stream = createStream(4, `lognormal-fit-${sigma}`, 0);
    const sample = fillLognormal(stream, new Float64Array(DRAWS), mu, sigma);
    const distribution = lognormalDistribution(mu, sigma);
    // μ₄ = variance² · (w⁴ + 2w³ + 3w² - 3) with w = exp(σ²).
    const w = Math.exp(sigma * sigma);
    expectContinuousFit(
      sample,
      distribution,
      distribution.variance ** 2 * (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3),
    );
  });

  it('returns exp(mu) when sigma = 0', () => {
    expect(lognormal(createStream(4, 'lognormal-test', 0))(1, 0)()).toBe(Math.E);
  });

  it('rejects a non-finite mu eagerly', () => {
    expect(() => lognormal(createStream(4, 'lognormal-test', 0))(Number.NaN, 1)).toThrow(
      new RangeError('mu must be a finite number (got NaN)'),
    );
  });

  it('fills with exactly the one-at-a-time draws, in both of its paths', () => {
    const draw = lognormal(createStream(5, 'lognormal-fill', 0))(0.3, 0.8);
    const expected = Float64Array.from({ length: 1000 }, () => draw());
    expect(
      fillLognormal(createStream(5, 'lognormal-fill', 0), new Float64Array(1000), 0.3, 0.8),
    ).toEqual(expected);
    expect(
      fillLognormal(createStream(5, 'lognormal-fill', 0), new Float32Array(1000), 0.3, 0.8),
    ).toEqual(Float32Array.from(expected));
  });
});
