import { regularizedGammaQ } from '../special/regularized-gamma.js';
import type { HypothesisTestResult } from './hypothesis-test-result.js';

export interface ChiSquareTestResult extends HypothesisTestResult {
  readonly degreesOfFreedom: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected counts or
 * probabilities (rescaled to the observed total). Bins expecting nothing are dropped, unless
 * something was observed there (then the statistic is infinite). The p-value is
 * Q(df/2, χ²/2) with df = bins - 1; callers should merge bins expecting fewer than ~5.
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
): ChiSquareTestResult {
  if (observed.length !== expected.length) {
    throw new RangeError(
      `observed and expected must have the same length (got ${observed.length} and ${expected.length})`,
    );
  }
  let observedTotal = 0;
  let expectedTotal = 0;
  for (let i = 0; i < observed.length; i++) {
    const count = observed[i]!;
    const weight = expected[i]!;
    if (!(Number.isFinite(count) && count >= 0)) {
      throw new RangeError(`observed[${i}] must be a finite count >= 0 (got ${count})`);
    }
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`expected[${i}] must be a finite number >= 0 (got ${weight})`);
    }
    observedTotal += count;
    expectedTotal += weight;
  }
  if (!(expectedTotal > 0)) throw new RangeError('expected must have a positive sum');
  const scale = observedTotal / expectedTotal;
  let statistic = 0;
  let bins = 0;
  for (let i = 0; i < observed.length; i++) {
    const count = observed[i]!;
    const expectedCount = expected[i]! * scale;
    if (expectedCount === 0) {
      if (count > 0) statistic = Number.POSITIVE_INFINITY;
      continue;
    }
    bins += 1;
    statistic += ((count - expectedCount) * (count - expectedCount)) / expectedCount;
  }
  const degreesOfFreedom = bins - 1;
  if (degreesOfFreedom < 1) throw new RangeError('need at least two bins with expected mass');
  const pValue =
    statistic === Number.POSITIVE_INFINITY
      ? 0
      : regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
  return { statistic, degreesOfFreedom, pValue };
}
