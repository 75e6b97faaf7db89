/**
 * The weekday distribution of discharges (0 = Monday) when a stay's raw end day is kept
 * with probability a = w / max(w) of its weekday and otherwise moves to the next day and
 * tries again, for raw end days spread evenly over the week:
 * P(discharge on s + k) = (1/7) x prod_{i<k} (1 - a_{s+i}) x a_{s+k}, summed over s.
 */
export function heldWeekdayShares(weights: readonly number[]): number[] {
  const max = Math.max(...weights);
  const keep = weights.map((w) => (max > 0 ? w / max : 1));
  const shares = new Array<number>(7).fill(0);
  for (let s = 0; s < 7; s++) {
    let carry = 1 / 7;
    // The busiest weekday keeps everything, so the carry is gone within a week.
    for (let k = 0; k < 14 && carry > 0; k++) {
      const day = (s + k) % 7;
      shares[day]! += carry * keep[day]!;
      carry *= 1 - keep[day]!;
    }
  }
  return shares;
}
