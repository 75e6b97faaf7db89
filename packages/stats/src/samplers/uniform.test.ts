import { describe, expect, it } from 'vitest';
import { uniformDistribution } from '../distributions/uniform-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillUniform } from './fill-uniform.js';
import { uniform } from './uniform.js';

describe('uniform', () => {
  it.each([
    [0, 1],
    [-5, 12.5],
  ])('matches Uniform(%d, %d)', (min, max) => {
    const sample = fillUniform(
      createStream(8, `uniform-fit-${min}`, 0),
      new Float64Array(DRAWS),
      min,
      max,
    );
    // μ₄ = width⁴ / 80
    expectContinuousFit(sample, uniformDistribution(min, max), (max - min) ** 4 / 80);
    expect(sample.every((value) => value >= min && value < max)).toBe(true);
  });

  it('rejects max < min eagerly', () => {
    expect(() => uniform(createStream(8, 'uniform-test', 0))(2, 1)).toThrow(
      new RangeError('max must be >= min (got min=2, max=1)'),
    );
  });
});
