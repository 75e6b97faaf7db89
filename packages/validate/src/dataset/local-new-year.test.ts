import { expect, it } from 'vitest';
import { localNewYear } from './local-new-year.js';

it('is the UTC instant of local midnight on 1 January', () => {
  expect(localNewYear('America/Vancouver', 2025)).toBe(Date.UTC(2025, 0, 1, 8) / 1000);
  expect(localNewYear('UTC', 2030)).toBe(Date.UTC(2030, 0, 1) / 1000);
  // Sydney is on daylight time (UTC+11) in January.
  expect(localNewYear('Australia/Sydney', 2026)).toBe(Date.UTC(2025, 11, 31, 13) / 1000);
});
