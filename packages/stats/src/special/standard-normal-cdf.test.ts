import { describe, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { standardNormalCdf } from './standard-normal-cdf.js';

describe('standardNormalCdf', () => {
  // References: mpmath at 40 digits.
  it.each([
    [-10, 7.619853024160525e-24],
    [-1.96, 0.024997895148220435],
    [0, 0.5],
    [0.7, 0.758036347776927],
    [5, 0.9999997133484281],
  ])('Φ(%d) = %d', (z, expected) => {
    expectClose(standardNormalCdf(z), expected, 1e-14);
  });
});
