import { categorical, createStream, totalVariationDistance } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { tvdCriticalValue } from './tvd-critical-value.js';

describe('tvdCriticalValue', () => {
  it('is exceeded by two samples of one distribution less often than alpha', () => {
    const p = [0.5, 0.3, 0.15, 0.05];
    const draw = categorical(createStream(5, 'tvd-critical-test', 0))(p);
    const [n, m] = [500, 2_000];
    const sample = (size: number) => {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < size; i++) counts[draw()]! += 1;
      return counts;
    };
    const critical = tvdCriticalValue(p, n, m, 0.05);
    let exceeded = 0;
    for (let t = 0; t < 1_000; t++) {
      if (totalVariationDistance(sample(n), sample(m)) > critical) exceeded++;
    }
    // The union bound is conservative: well under 5% (binomial SE 0.7% at 1,000 trials).
    expect(exceeded / 1_000).toBeLessThan(0.05);
  });
});
