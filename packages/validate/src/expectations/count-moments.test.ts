import { createStream, negativeBinomial } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { CountMoments } from './count-moments.js';

describe('CountMoments', () => {
  it('adds per-person NegBin moments: Var = mean + mean²/k', () => {
    const moments = new CountMoments({ model: 'negbin', dispersion: 1.5 });
    moments.addPersons(100, 0.3);
    moments.addPersons(50, 1);
    expect(moments.mean).toBeCloseTo(80, 12);
    expect(moments.variance).toBeCloseTo(100 * (0.3 + 0.09 / 1.5) + 50 * (1 + 1 / 1.5), 12);
    const poisson = new CountMoments({ model: 'poisson' });
    poisson.addPersons(100, 0.3);
    expect(poisson.variance).toBeCloseTo(30, 12);
  });

  it('gives a distribution whose central interval holds simulated sums as often as it says', () => {
    // 1,000 people expecting 0.4 visits (k = 1.5); the 1%-99% interval should hold ~98% of sums.
    const moments = new CountMoments({ model: 'negbin', dispersion: 1.5 });
    moments.addPersons(1_000, 0.4);
    const distribution = moments.distribution();
    const [low, high] = [distribution.quantile(0.01), distribution.quantile(0.99)];
    const draw = negativeBinomial(createStream(3, 'count-moments-test', 0))({
      mean: 0.4,
      dispersion: 1.5,
    });
    const trials = 2_000;
    let inside = 0;
    for (let t = 0; t < trials; t++) {
      let sum = 0;
      for (let i = 0; i < 1_000; i++) sum += draw();
      if (sum >= low && sum <= high) inside++;
    }
    // Binomial SE of the coverage at 2,000 trials is 0.003; allow 4 SE.
    expect(Math.abs(inside / trials - 0.98)).toBeLessThan(0.0125);
  });
});
