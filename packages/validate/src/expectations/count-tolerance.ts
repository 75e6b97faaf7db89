import type { CountQuantiles } from './binomial-quantiles.js';

/**
 * The allowed deviation of an observed count from its expectation: the configured
 * allowance or the sampling distribution's central interval at `tail` (per side),
 * whichever is wider, on the side where the observation fell. Exact discrete quantiles
 * keep small cells honest where a normal approximation would fail them by chance.
 */
export function countTolerance(
  observed: number,
  expected: number,
  configured: number,
  sampling: CountQuantiles,
  tail: number,
): number {
  const statistical =
    observed >= expected
      ? sampling.quantile(1 - tail) - expected
      : expected - sampling.quantile(tail);
  return Math.max(configured, statistical);
}
