import { describe, expect, it } from 'vitest';
import { gammaDistribution } from '../distributions/gamma-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillGamma } from './fill-gamma.js';
import { gamma } from './gamma.js';

describe('gamma', () => {
  // Shape < 1 (boosted), the exponential shortcut at 1, Marsaglia–Tsang proper, and large.
  it.each([
    [0.05, 2],
    [0.3, 1],
    [0.9, 0.5],
    [1, 3],
    [2.5, 1],
    [30, 0.1],
    [1000, 2],
  ])('matches Gamma(shape %d, scale %d)', (shape, scale) => {
    const stream = createStream(2, `gamma-fit-${shape}`, 0);
    const sample = fillGamma(stream, new Float64Array(DRAWS), shape, scale);
    const distribution = gammaDistribution(shape, scale);
    // Excess kurtosis of the gamma is 6/shape.
    expectContinuousFit(sample, distribution, distribution.variance ** 2 * (3 + 6 / shape));
  });

  it.each([
    ['shape', 0, 1],
    ['shape', -1, 1],
    ['shape', Number.NaN, 1],
    ['scale', 1, 0],
    ['scale', 1, Number.POSITIVE_INFINITY],
  ])('rejects a bad %s eagerly', (name, shape, scale) => {
    expect(() => gamma(createStream(2, 'gamma-test', 0))(shape, scale)).toThrow(
      new RangeError(
        `${name} must be a finite number > 0 (got ${name === 'shape' ? shape : scale})`,
      ),
    );
  });
});
