import { normal, type RandomSource, standardNormalQuantile } from '@lm-synth/stats';

/**
 * Normal scores of a column for the copula: u = (rank + ½)/n among the non-missing values,
 * z = Φ⁻¹(u). Tied values share their ranks at random (the distributional transform): a
 * value held by rows lo..hi-1 of the sorted column gets u uniform in [lo, hi)/n, which for a
 * frequency marginal is a uniform draw within the category's interval. `keys` are sortable
 * numbers — the value itself, or the category's position in its marginal — and NaN is
 * missing: a missing cell gets an independent standard normal draw, which leaves the
 * column's correlations estimated from the rows that have it (attenuated by their share).
 */
export function normalScores(keys: Float64Array, random: RandomSource): Float64Array {
  const n = keys.length;
  const scores = new Float64Array(n);
  const standardNormal = normal(random)();
  // Native typed-array sort, then each value's rank range by binary search.
  const sorted = keys.filter((key) => !Number.isNaN(key)).sort();
  const m = sorted.length;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (Number.isNaN(key)) {
      scores[i] = standardNormal();
      continue;
    }
    const lo = bound(sorted, key, false);
    const hi = bound(sorted, key, true);
    const rank = hi - lo === 1 ? lo + 0.5 : lo + random.next() * (hi - lo);
    scores[i] = standardNormalQuantile(rank / m);
  }
  return scores;
}

/** First index whose value is >= key (or > key when `after`). */
function bound(sorted: Float64Array, key: number, after: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid]!;
    if (value < key || (after && value === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
