import { normal, type RandomSource, standardNormalQuantile } from '@lm-synth/stats';

/**
 * Normal scores of a column for the copula: each value's rank among the non-missing ones,
 * ties broken at random (the distributional transform, which for a frequency marginal is
 * a uniform draw within the category's interval), u = (rank + ½)/n, z = Φ⁻¹(u). `keys` are
 * sortable numbers — the value itself, or the category's position in its marginal — and NaN
 * is missing: a missing cell gets an independent standard normal draw, which leaves the
 * column's correlations estimated from the rows that have it (attenuated by their share).
 */
export function normalScores(keys: Float64Array, random: RandomSource): Float64Array {
  const n = keys.length;
  const scores = new Float64Array(n);
  const standardNormal = normal(random)();
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(keys[i]!)) scores[i] = standardNormal();
    else present.push(i);
  }
  const jitter = Float64Array.from(present, () => random.next());
  const order = Uint32Array.from(present.keys());
  order.sort((a, b) => keys[present[a]!]! - keys[present[b]!]! || jitter[a]! - jitter[b]!);
  const m = present.length;
  for (let rank = 0; rank < m; rank++) {
    scores[present[order[rank]!]!] = standardNormalQuantile((rank + 0.5) / m);
  }
  return scores;
}
