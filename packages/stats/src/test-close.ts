import { expect } from 'vitest';

/** |actual - expected| <= relative · |expected| (or <= relative when expected is 0). */
export function expectClose(actual: number, expected: number, relative: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    relative * scale,
  );
}
