import { describe, expect, it } from 'vitest';
import { negativeBinomialNPDistribution } from '../distributions/negative-binomial-np-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit, negativeBinomialFourthMoment } from '../test-fit.js';
import { fillNegativeBinomialNP } from './fill-negative-binomial-np.js';
import { negativeBinomialNP } from './negative-binomial-np.js';

describe('negativeBinomialNP', () => {
  it.each([
    [2, 0.3],
    [0.5, 0.9],
    [50, 0.5],
    [1, 0.02],
  ])('matches NB(n %d, p %d)', (n, p) => {
    const stream = createStream(6, `nb-np-fit-${n}-${p}`, 0);
    const sample = fillNegativeBinomialNP(stream, new Float64Array(DRAWS), n, p);
    expectDiscreteFit(
      sample,
      negativeBinomialNPDistribution(n, p),
      negativeBinomialFourthMoment(n, p, 1 - p),
    );
  });

  it('returns 0 when p = 1', () => {
    expect(negativeBinomialNP(createStream(6, 'nb-np-test', 0))(3, 1)()).toBe(0);
  });

  it.each([
    [0, 0.5, 'n must be a finite number > 0 (got 0)'],
    [1, 0, 'p must be > 0 (got 0)'],
    [1, 1.5, 'p must be a probability in [0, 1] (got 1.5)'],
  ])('rejects n = %d, p = %d eagerly', (n, p, message) => {
    expect(() => negativeBinomialNP(createStream(6, 'nb-np-test', 0))(n, p)).toThrow(
      new RangeError(message),
    );
  });
});
