import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformIntDistribution } from '../distributions/uniform-int-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit } from '../test-fit.js';
import { fillUniformInt } from './fill-uniform-int.js';
import { uniformInt } from './uniform-int.js';

/** μ₄ of the discrete uniform on N values: (N² - 1)(3N² - 7)/240. */
function fourthMoment(count: number): number {
  return ((count * count - 1) * (3 * count * count - 7)) / 240;
}

describe('uniformInt', () => {
  it.each([
    [1, 6],
    [0, 99],
    [-1000, 1000],
  ])('matches the uniform on [%d, %d]', (min, max) => {
    const sample = fillUniformInt(
      createStream(9, `uniform-int-fit-${min}`, 0),
      new Float64Array(DRAWS),
      min,
      max,
    );
    expectDiscreteFit(sample, uniformIntDistribution(min, max), fourthMoment(max - min + 1));
  });

  it('is uniform over a range near 2^53 (checked on its top decimal digits)', () => {
    const range = 7e15;
    const sample = fillUniformInt(
      createStream(9, 'uniform-int-wide', 0),
      new Float64Array(DRAWS),
      0,
      range - 1,
    );
    const buckets = Float64Array.from(sample, (value) => Math.floor(value / 7e12));
    expectDiscreteFit(buckets, uniformIntDistribution(0, 999), fourthMoment(1000));
  });

  it('stays within [min, maxInclusive]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.nat(),
        (min, width, index) => {
          const draw = uniformInt(createStream(9, 'uniform-int-property', index))(min, min + width);
          for (let i = 0; i < 50; i++) {
            const value = draw();
            if (!(Number.isInteger(value) && value >= min && value <= min + width)) return false;
          }
          return true;
        },
      ),
    );
  });

  it.each([
    [0.5, 1, 'min must be a safe integer (got 0.5)'],
    [3, 2, 'maxInclusive must be >= min (got min=3, maxInclusive=2)'],
  ])('rejects [%d, %d] eagerly', (min, max, message) => {
    expect(() => uniformInt(createStream(9, 'uniform-int-test', 0))(min, max)).toThrow(
      new RangeError(message),
    );
  });
});
