import { describe, expect, it } from 'vitest';
import { bernoulliDistribution } from '../distributions/bernoulli-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit } from '../test-fit.js';
import { bernoulli } from './bernoulli.js';
import { fillBernoulli } from './fill-bernoulli.js';

describe('bernoulli', () => {
  it.each([0.001, 0.3, 0.5, 0.999])('matches Bernoulli(%d)', (p) => {
    const sample = fillBernoulli(
      createStream(7, `bernoulli-fit-${p}`, 0),
      new Uint8Array(DRAWS),
      p,
    );
    const q = 1 - p;
    // μ₄ = pq(1 - 3pq)
    expectDiscreteFit(sample, bernoulliDistribution(p), p * q * (1 - 3 * p * q));
  });

  it.each([0, 1])('is constant at p = %d', (p) => {
    const sample = fillBernoulli(createStream(7, 'bernoulli-test', 0), new Uint8Array(100), p);
    expect(sample.every((value) => value === p)).toBe(true);
  });

  it('rejects p outside [0, 1] eagerly', () => {
    expect(() => bernoulli(createStream(7, 'bernoulli-test', 0))(-0.1)).toThrow(
      new RangeError('p must be a probability in [0, 1] (got -0.1)'),
    );
  });
});
