import { describe, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { logFactorial } from './log-factorial.js';
import { logGamma } from './log-gamma.js';

describe('logFactorial', () => {
  it.each([0, 1, 10, 255, 256, 257, 1000, 123_456, 1e9])('ln %d! matches ln Γ(k + 1)', (k) => {
    expectClose(logFactorial(k), logGamma(k + 1), 1e-14);
  });
});
