import { describe, expect, it } from 'vitest';
import { negativeBinomialDistribution } from '../distributions/negative-binomial-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit, negativeBinomialFourthMoment } from '../test-fit.js';
import { fillNegativeBinomial } from './fill-negative-binomial.js';
import { negativeBinomial } from './negative-binomial.js';

describe('negativeBinomial', () => {
  // Strong over-dispersion (k < 1), moderate, and k → ∞ where it approaches Poisson.
  it.each([
    [0.5, 0.1],
    [3, 1],
    [20, 5],
    [100, 0.7],
    [12, 1e6],
  ])('matches NB(mean %d, dispersion %d)', (mean, dispersion) => {
    const stream = createStream(5, `nb-fit-${mean}-${dispersion}`, 0);
    const sample = fillNegativeBinomial(stream, new Float64Array(DRAWS), { mean, dispersion });
    const total = mean + dispersion;
    expectDiscreteFit(
      sample,
      negativeBinomialDistribution({ mean, dispersion }),
      negativeBinomialFourthMoment(dispersion, dispersion / total, mean / total),
    );
  });

  it('is Poisson(mean) at dispersion = Infinity', () => {
    const stream = createStream(5, 'nb-fit-poisson', 0);
    const parameters = { mean: 4, dispersion: Number.POSITIVE_INFINITY };
    const sample = fillNegativeBinomial(stream, new Float64Array(DRAWS), parameters);
    expectDiscreteFit(sample, negativeBinomialDistribution(parameters), 4 * (1 + 3 * 4));
  });

  it('returns 0 when the mean is 0', () => {
    expect(negativeBinomial(createStream(5, 'nb-test', 0))({ mean: 0, dispersion: 2 })()).toBe(0);
  });

  it.each([
    [{ mean: -1, dispersion: 1 }, 'mean must be a finite number >= 0 (got -1)'],
    [{ mean: 1, dispersion: 0 }, 'dispersion must be > 0 or Infinity (got 0)'],
    [{ mean: 1, dispersion: Number.NaN }, 'dispersion must be > 0 or Infinity (got NaN)'],
  ])('rejects %o eagerly', (parameters, message) => {
    expect(() => negativeBinomial(createStream(5, 'nb-test', 0))(parameters)).toThrow(
      new RangeError(message),
    );
  });
});
