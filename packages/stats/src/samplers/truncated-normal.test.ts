import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncatedNormalDistribution } from '../distributions/truncated-normal-distribution.js';
import { normalIntervalMass } from '../special/normal-interval-mass.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillTruncatedNormal } from './fill-truncated-normal.js';
import { truncatedNormal } from './truncated-normal.js';

/**
 * μ₄ of Normal(mu, sigma) on [lower, upper] from the raw moments of the standardised one,
 * m_k = (k - 1) m_{k-2} + (a^(k-1) φ(a) - b^(k-1) φ(b)) / Z (Johnson, Kotz & Balakrishnan).
 */
function fourthCentralMoment(mu: number, sigma: number, lower: number, upper: number): number {
  const a = (lower - mu) / sigma;
  const b = (upper - mu) / sigma;
  const mass = normalIntervalMass(a, b);
  const term = (x: number, power: number): number =>
    Number.isFinite(x) ? (x ** power * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI) : 0;
  const boundary = (power: number): number => (term(a, power) - term(b, power)) / mass;
  const m1 = boundary(0);
  const m2 = 1 + boundary(1);
  const m3 = 2 * m1 + boundary(2);
  const m4 = 3 * m2 + boundary(3);
  return sigma ** 4 * (m4 - 4 * m3 * m1 + 6 * m2 * m1 * m1 - 3 * m1 ** 4);
}

describe('truncatedNormal', () => {
  // One interval per rejection sampler: plain normal draws, uniform proposal across 0,
  // exponential tail proposal (including a far tail and a mirrored one), uniform in a tail.
  it.each([
    ['plain', 0, 1, -0.5, Number.POSITIVE_INFINITY],
    ['uniform across 0', 0, 1, -0.2, 0.3],
    ['exponential tail', 0, 1, 0.5, Number.POSITIVE_INFINITY],
    ['far tail', 10, 2, 26, Number.POSITIVE_INFINITY],
    ['mirrored tail', 0, 1, Number.NEGATIVE_INFINITY, -3],
    ['narrow tail interval', 0, 1, 3, 3.1],
    ['two-sided', 1, 2, -1, 5],
  ])('matches the %s case', (_, mu, sigma, lower, upper) => {
    const stream = createStream(11, `truncated-normal-fit-${lower}-${upper}`, 0);
    const sample = fillTruncatedNormal(stream, new Float64Array(DRAWS), mu, sigma, lower, upper);
    expectContinuousFit(
      sample,
      truncatedNormalDistribution(mu, sigma, lower, upper),
      fourthCentralMoment(mu, sigma, lower, upper),
    );
  });

  it('never leaves [lower, upper]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 1e-6, max: 100, noNaN: true }),
        fc.nat(),
        (mu, sigma, lower, width, index) => {
          const upper = lower + width;
          const draw = truncatedNormal(createStream(11, 'truncated-normal-property', index))(
            mu,
            sigma,
            lower,
            upper,
          );
          for (let i = 0; i < 50; i++) {
            const value = draw();
            if (!(value >= lower && value <= upper)) return false;
          }
          return true;
        },
      ),
    );
  });

  it.each([
    [0, 1, 2, 1, 'upper must be > lower (got lower=2, upper=1)'],
    [0, 1, Number.NaN, 1, 'lower must be a number < +Infinity (got NaN)'],
    [5, 0, 0, 1, 'with sigma = 0, mu must lie in [lower, upper] (got mu=5)'],
  ])('rejects mu=%d sigma=%d [%d, %d] eagerly', (mu, sigma, lower, upper, message) => {
    expect(() =>
      truncatedNormal(createStream(11, 'truncated-normal-test', 0))(mu, sigma, lower, upper),
    ).toThrow(new RangeError(message));
  });
});
