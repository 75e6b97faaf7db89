import type { LognormalDuration } from '@lm-synth/config/core';
import { truncatedLognormalDistribution } from '@lm-synth/stats';
import type { Significance } from '../expectations/significance.js';
import { DETECTABLE_DEVIATION } from './detectable-outcome.js';
import { type ShareCheck, shareCheck } from './share-check.js';

/** Where a duration's distribution is compared: its quartiles and the tail. */
export const DURATION_PROBABILITIES = [0.25, 0.5, 0.75, 0.9] as const;

/**
 * A sample of durations against a lognormal truncated to [lower, max]: at each of the
 * distribution's quantiles (DURATION_PROBABILITIES), the share of durations at or below it
 * is binomial(n, p). The deviation each check exists for is 10% of the smaller tail there,
 * min(p, 1 - p).
 */
export function durationQuantileChecks(
  what: string,
  durations: Float64Array,
  duration: LognormalDuration,
  lower: number,
  level: Significance,
): ShareCheck[] {
  const distribution = truncatedLognormalDistribution(
    duration.mu,
    duration.sigma,
    lower,
    duration.max,
  );
  const n = durations.length;
  return DURATION_PROBABILITIES.map((p) => {
    const quantile = distribution.quantile(p);
    let below = 0;
    for (const value of durations) if (value <= quantile) below++;
    return shareCheck(
      `${what} <= ${Math.round(quantile * 100) / 100} (p${p * 100})`,
      below,
      n * p,
      n * p * (1 - p),
      n,
      level,
      n * DETECTABLE_DEVIATION * Math.min(p, 1 - p),
    );
  });
}
