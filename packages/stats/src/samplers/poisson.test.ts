import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonDistribution } from '../distributions/poisson-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit } from '../test-fit.js';
import { fillPoisson } from './fill-poisson.js';
import { poisson } from './poisson.js';

describe('poisson', () => {
  // Tiny, table inversion, both sides of the PTRS switch at 10, and large.
  it.each([0.001, 0.4, 3, 9.99, 10, 30, 1000, 1e6])('matches Poisson(%d)', (lambda) => {
    const stream = createStream(1, `poisson-fit-${lambda}`, 0);
    const sample = fillPoisson(stream, new Float64Array(DRAWS), lambda);
    // μ₄ = λ(1 + 3λ)
    expectDiscreteFit(sample, poissonDistribution(lambda), lambda * (1 + 3 * lambda));
  });

  it('returns 0 for lambda = 0', () => {
    const draw = poisson(createStream(1, 'poisson-test', 0))(0);
    expect([draw(), draw(), draw()]).toEqual([0, 0, 0]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects lambda = %d eagerly', (lambda) => {
    expect(() => poisson(createStream(1, 'poisson-test', 0))(lambda)).toThrow(
      new RangeError(`lambda must be a finite number >= 0 (got ${lambda})`),
    );
  });

  it('draws non-negative integers for any lambda', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.nat(), (lambda, index) => {
        const draw = poisson(createStream(7, 'poisson-property', index))(lambda);
        for (let i = 0; i < 20; i++) {
          const value = draw();
          if (!(Number.isInteger(value) && value >= 0)) return false;
        }
        return true;
      }),
    );
  });
});
