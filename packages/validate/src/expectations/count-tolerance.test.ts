import { describe, expect, it } from 'vitest';
import { binomialQuantiles } from './binomial-quantiles.js';
import { countTolerance } from './count-tolerance.js';

describe('countTolerance', () => {
  const sampling = binomialQuantiles(10_000, 0.1);

  it('takes the side of the interval the observation fell on', () => {
    const high = sampling.quantile(1 - 1e-4) - 1_000;
    const low = 1_000 - sampling.quantile(1e-4);
    expect(countTolerance(1_050, 1_000, 0, sampling, 1e-4)).toBe(high);
    expect(countTolerance(950, 1_000, 0, sampling, 1e-4)).toBe(low);
    expect(high).toBeGreaterThan(low);
  });

  it('never goes below the configured allowance', () => {
    expect(countTolerance(1_050, 1_000, 500, sampling, 1e-4)).toBe(500);
  });
});
