import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncatedLognormalDistribution } from '../distributions/truncated-lognormal-distribution.js';
import { normalIntervalMass } from '../special/normal-interval-mass.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillTruncatedLognormal } from './fill-truncated-lognormal.js';
import { truncatedLognormal } from './truncated-lognormal.js';

/** μ₄ from the raw moments E[X^r] = exp(rμ + r²σ²/2) P(α - rσ <= Z <= β - rσ) / P(α <= Z <= β). */
function fourthCentralMoment(mu: number, sigma: number, lower: number, upper: number): number {
  const alpha = (Math.log(lower) - mu) / sigma;
  const beta = (Math.log(upper) - mu) / sigma;
  const mass = normalIntervalMass(alpha, beta);
  const raw = (r: number): number =>
    (Math.exp(r * mu + 0.5 * r * r * sigma * sigma) *
      normalIntervalMass(alpha - r * sigma, beta - r * sigma)) /
    mass;
  const m1 = raw(1);
  return raw(4) - 4 * raw(3) * m1 + 6 * raw(2) * m1 * m1 - 3 * m1 ** 4;
}

describe('truncatedLognormal', () => {
  it.each([
    ['length of stay >= 0.25 days', Math.log(4), 0.9, 0.25, Number.POSITIVE_INFINITY],
    ['a tight band', 0, 1, 2, 3],
    ['both bounds, wide', 1, 0.5, 0.25, 30],
    ['a far upper tail', 0, 0.3, 5, Number.POSITIVE_INFINITY],
  ])('matches %s', (_, mu, sigma, lower, upper) => {
    const stream = createStream(12, `truncated-lognormal-fit-${lower}-${upper}`, 0);
    const sample = fillTruncatedLognormal(stream, new Float64Array(DRAWS), mu, sigma, lower, upper);
    expectContinuousFit(
      sample,
      truncatedLognormalDistribution(mu, sigma, lower, upper),
      fourthCentralMoment(mu, sigma, lower, upper),
    );
  });

  it('never returns less than the lower bound', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 1e-3, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.nat(),
        (mu, sigma, lower, index) => {
          const draw = truncatedLognormal(createStream(12, 'truncated-lognormal-property', index))(
            mu,
            sigma,
            lower,
          );
          for (let i = 0; i < 50; i++) if (!(draw() >= lower)) return false;
          return true;
        },
      ),
    );
  });

  it('rejects a negative lower bound eagerly', () => {
    expect(() =>
      truncatedLognormal(createStream(12, 'truncated-lognormal-test', 0))(0, 1, -1),
    ).toThrow(new RangeError('lower must be a finite number >= 0 (got -1)'));
  });
});
