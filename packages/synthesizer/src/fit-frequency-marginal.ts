import type { Category, Marginal } from './marginal.js';

/**
 * Fits a frequency marginal to `values`: each distinct value with its share. Categories
 * seen fewer than `minCount` times are left out (their rows become missing for the
 * copula), so a free-text value of one record never enters the model.
 */
export function fitFrequencyMarginal(
  values: readonly Category[],
  ordered: boolean,
  minCount = 1,
): Marginal {
  const counts = new Map<Category, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const kept = [...counts].filter(([, count]) => count >= minCount);
  kept.sort(
    ordered
      ? ([a], [b]) => compareCategories(a, b)
      : ([a, countA], [b, countB]) => countB - countA || compareCategories(a, b),
  );
  const total = kept.reduce((sum, [, count]) => sum + count, 0);
  return {
    kind: 'frequency',
    ordered,
    values: kept.map(([value]) => value),
    weights: kept.map(([, count]) => (total > 0 ? count / total : 0)),
  };
}

/** null first, then numbers ascending, then booleans, then strings in code-unit order. */
function compareCategories(a: Category, b: Category): number {
  const rank = (value: Category) =>
    value === null ? 0 : typeof value === 'number' ? 1 : typeof value === 'boolean' ? 2 : 3;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
