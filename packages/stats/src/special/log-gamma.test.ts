import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { logGamma } from './log-gamma.js';

describe('logGamma', () => {
  // References: mpmath at 40 digits. Near the zeros at 1 and 2 the error is absolute.
  it.each([
    [1e-8, 18.42068073818021],
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247001],
    [7.3, 7.147892523022248],
    [100.5, 361.4355404677776],
    [1e6, 12815504.569147611],
  ])('logGamma(%d) = %d to 1e-14 relative', (x, expected) => {
    expectClose(logGamma(x), expected, 1e-14);
  });

  it.each([
    [1, 0],
    [2, 0],
    [1.5, -0.12078223763524522],
  ])('logGamma(%d) = %d to 1e-14 absolute', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-14);
  });

  it('is NaN outside x > 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});
