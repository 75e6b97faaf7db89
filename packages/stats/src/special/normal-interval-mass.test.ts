import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { normalIntervalMass } from './normal-interval-mass.js';

describe('normalIntervalMass', () => {
  it('keeps relative accuracy for far-tail intervals on either side', () => {
    // mpmath: Φ(-20) - Φ(-21) and its mirror image.
    expectClose(normalIntervalMass(20, 21), 2.7536241153269555e-89, 1e-13);
    expectClose(normalIntervalMass(-21, -20), 2.7536241153269555e-89, 1e-13);
  });

  it('is 1 over the whole line, 1/2 over a half line and 0 for an empty interval', () => {
    expect(normalIntervalMass(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalIntervalMass(0, Number.POSITIVE_INFINITY)).toBe(0.5);
    expect(normalIntervalMass(1, 1)).toBe(0);
  });
});
