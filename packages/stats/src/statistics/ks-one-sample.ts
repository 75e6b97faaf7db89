import type { HypothesisTestResult } from './hypothesis-test-result.js';
import { kolmogorovSmirnovCdf } from './kolmogorov-smirnov-cdf.js';
import { kolmogorovSurvival } from './kolmogorov-survival.js';
import { sortedCopy } from './sorted-copy.js';

/** Up to this size the p-value is exact (Marsaglia–Tsang–Wang). */
const EXACT_UP_TO = 500;

/**
 * One-sample Kolmogorov–Smirnov test of `sample` against a continuous `cdf`:
 * D = sup |F_n(x) - F(x)|. The p-value is exact for n <= 500 and otherwise Kolmogorov's
 * limit with Stephens' correction, Q_KS((√n + 0.12 + 0.11/√n) D) (Stephens 1970).
 */
export function ksOneSample(
  sample: ArrayLike<number>,
  cdf: (x: number) => number,
): HypothesisTestResult {
  const n = sample.length;
  if (n === 0) throw new RangeError('sample must not be empty');
  const sorted = sortedCopy(sample);
  let statistic = 0;
  for (let i = 0; i < n; i++) {
    const value = cdf(sorted[i]!);
    statistic = Math.max(statistic, (i + 1) / n - value, value - i / n);
  }
  const pValue =
    n <= EXACT_UP_TO
      ? 1 - kolmogorovSmirnovCdf(n, statistic)
      : kolmogorovSurvival((Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * statistic);
  return { statistic, pValue: Math.min(1, Math.max(0, pValue)) };
}
