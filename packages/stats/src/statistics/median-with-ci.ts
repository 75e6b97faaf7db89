import { requireProbability } from '../parameters.js';
import { regularizedBeta } from '../special/regularized-beta.js';
import { sortedCopy } from './sorted-copy.js';

export interface MedianWithCi {
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
  /** The interval's exact coverage, at least the confidence asked for when n allows. */
  readonly confidence: number;
}

/**
 * The sample median with a distribution-free confidence interval from order statistics:
 * [x_(l), x_(n+1-l)] with the largest l such that P(l <= B < n + 1 - l) >= confidence for
 * B ~ Binomial(n, 1/2) (e.g. Conover, Practical Nonparametric Statistics, §3.2). When even
 * [min, max] falls short (tiny n), that interval is returned with its lower coverage.
 */
export function medianWithCi(sample: ArrayLike<number>, confidence = 0.95): MedianWithCi {
  requireProbability('confidence', confidence);
  const n = sample.length;
  if (n === 0) throw new RangeError('sample must not be empty');
  const sorted = sortedCopy(sample);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // P(B <= k) for B ~ Binomial(n, 1/2) is I_{1/2}(n - k, k + 1).
  const binomialCdf = (k: number): number => (k >= n ? 1 : regularizedBeta(0.5, n - k, k + 1));
  const tailAllowed = (1 - confidence) / 2;
  // Largest l in [1, ceil(n/2)] with P(B <= l - 1) <= tailAllowed, by bisection.
  let low = 0;
  let high = Math.ceil(n / 2);
  while (low < high) {
    const candidate = Math.ceil((low + high) / 2);
    if (binomialCdf(candidate - 1) <= tailAllowed) low = candidate;
    else high = candidate - 1;
  }
  const rank = Math.max(1, low);
  return {
    median,
    lower: sorted[rank - 1]!,
    upper: sorted[n - rank]!,
    confidence: 1 - 2 * binomialCdf(rank - 1),
  };
}
