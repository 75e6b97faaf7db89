/**
 * Association of a categorical column with another, on the rows where both are present
 * (NaN: missing): Cramér's V for a categorical `other`, the correlation ratio η² of `other`'s
 * values by category when `numeric`. Fit uses it to choose what a column is conditioned on.
 */
export function association(
  categories: Float64Array,
  other: Float64Array,
  numeric: boolean,
): number {
  const n = categories.length;
  if (numeric) {
    const sums = new Map<number, [number, number]>();
    let total = 0;
    let totalSquares = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const c = categories[i]!;
      const y = other[i]!;
      if (Number.isNaN(c) || Number.isNaN(y)) continue;
      const entry = sums.get(c) ?? [0, 0];
      entry[0] += y;
      entry[1]++;
      sums.set(c, entry);
      total += y;
      totalSquares += y * y;
      count++;
    }
    if (count < 2) return 0;
    const mean = total / count;
    const totalVariance = totalSquares - count * mean * mean;
    if (!(totalVariance > 0)) return 0;
    let between = 0;
    for (const [sum, k] of sums.values()) between += k * (sum / k - mean) ** 2;
    return between / totalVariance;
  }
  // Category positions stay below 2^20, so a pair is one number.
  const cells = new Map<number, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = categories[i]!;
    const b = other[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const pair = a * 1_048_576 + b;
    cells.set(pair, (cells.get(pair) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    columns.set(b, (columns.get(b) ?? 0) + 1);
    count++;
  }
  const k = Math.min(rows.size, columns.size);
  if (count === 0 || k < 2) return 0;
  let chi = 0;
  for (const [a, ra] of rows)
    for (const [b, cb] of columns) {
      const expected = (ra * cb) / count;
      const observed = cells.get(a * 1_048_576 + b) ?? 0;
      chi += (observed - expected) ** 2 / expected;
    }
  return Math.sqrt(chi / (count * (k - 1)));
}
