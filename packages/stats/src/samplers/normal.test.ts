import { describe, expect, it } from 'vitest';
import { normalDistribution } from '../distributions/normal-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectContinuousFit } from '../test-fit.js';
import { fillNormal } from './fill-normal.js';
import { normal } from './normal.js';

describe('normal', () => {
  it.each([
    [0, 1],
    [3, 0.01],
    [-2, 50],
  ])('matches Normal(%d, %d)', (mu, sigma) => {
    const sample = fillNormal(
      createStream(3, `normal-fit-${sigma}`, 0),
      new Float64Array(DRAWS),
      mu,
      sigma,
    );
    // μ₄ = 3σ⁴
    expectContinuousFit(sample, normalDistribution(mu, sigma), 3 * sigma ** 4);
  });

  it('reaches the ziggurat tail beyond R = 3.654 at the right rate', () => {
    const sample = fillNormal(createStream(3, 'normal-tail', 0), new Float64Array(DRAWS));
    let beyond = 0;
    for (const value of sample) if (Math.abs(value) > 3.7) beyond += 1;
    // Binomial count: expected n·p, within 4 standard errors √(n·p·(1 - p)).
    const p = 2 * normalDistribution().cdf(-3.7);
    expect(Math.abs(beyond - DRAWS * p)).toBeLessThan(4 * Math.sqrt(DRAWS * p * (1 - p)));
  });

  it('returns mu when sigma = 0', () => {
    expect(normal(createStream(3, 'normal-test', 0))(4.5, 0)()).toBe(4.5);
  });

  it('rejects a negative sigma eagerly', () => {
    expect(() => normal(createStream(3, 'normal-test', 0))(0, -1)).toThrow(
      new RangeError('sigma must be a finite number >= 0 (got -1)'),
    );
  });
});
