import type { HypothesisTestResult } from './hypothesis-test-result.js';
import { kolmogorovSurvival } from './kolmogorov-survival.js';
import { sortedCopy } from './sorted-copy.js';

/** Up to this many lattice cells (n·m) the p-value is computed exactly. */
const EXACT_CELLS = 10_000_000;

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup |F_a(x) - F_b(x)|, ties handled by stepping
 * over equal values together. The p-value is exact (assuming no ties) when n·m <= 10^7, by
 * counting the monotone lattice paths that stay inside the band (Hodges 1957), and otherwise
 * Kolmogorov's limit with Stephens' correction on the effective size nm/(n+m).
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): HypothesisTestResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError('both samples must be non-empty');
  const sortedA = sortedCopy(a, 'a');
  const sortedB = sortedCopy(b, 'b');
  // Work in integer units of 1/(n·m) so the band test in the exact p-value is exact.
  let i = 0;
  let j = 0;
  let maxGap = 0;
  while (i < n && j < m) {
    const value = Math.min(sortedA[i]!, sortedB[j]!);
    while (i < n && sortedA[i] === value) i++;
    while (j < m && sortedB[j] === value) j++;
    maxGap = Math.max(maxGap, Math.abs(i * m - j * n));
  }
  const statistic = maxGap / (n * m);
  let pValue: number;
  if (maxGap === 0) pValue = 1;
  else if (n * m <= EXACT_CELLS) pValue = 1 - probabilityInsideBand(n, m, maxGap);
  else {
    const effective = Math.sqrt((n * m) / (n + m));
    pValue = kolmogorovSurvival((effective + 0.12 + 0.11 / effective) * statistic);
  }
  return { statistic, pValue: Math.min(1, Math.max(0, pValue)) };
}

/**
 * P(|i·m - j·n| < gap at every point) for a uniformly random lattice path from (0,0) to
 * (n,m), i.e. P(D < gap/(nm)), by dynamic programming over the path's step probabilities.
 */
function probabilityInsideBand(n: number, m: number, gap: number): number {
  const row = new Float64Array(m + 1);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (Math.abs(i * m - j * n) >= gap) {
        row[j] = 0;
        continue;
      }
      if (i === 0 && j === 0) {
        row[j] = 1;
        continue;
      }
      // From (i-1, j) the path steps in i with probability (n-i+1)/(n-i+1 + m-j).
      const fromBelow = i > 0 ? (row[j]! * (n - i + 1)) / (n - i + 1 + m - j) : 0;
      const fromLeft = j > 0 ? (row[j - 1]! * (m - j + 1)) / (n - i + m - j + 1) : 0;
      row[j] = fromBelow + fromLeft;
    }
  }
  return row[m]!;
}
