/**
 * The smallest integer k >= lowest with cdf(k) >= p, found by doubling steps from `guess`
 * and then bisection, so a rough guess costs O(log distance) CDF evaluations.
 */
export function discreteQuantile(
  p: number,
  cdf: (k: number) => number,
  guess: number,
  lowest = 0,
): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (cdf(lowest) >= p) return lowest;
  // Invariant once bracketed: cdf(below) < p <= cdf(atOrAbove).
  const start = Number.isFinite(guess) ? Math.max(lowest, Math.floor(guess)) : lowest;
  let below: number;
  let atOrAbove: number;
  if (cdf(start) >= p) {
    atOrAbove = start;
    let step = 1;
    for (;;) {
      const candidate = Math.max(lowest, atOrAbove - step);
      if (cdf(candidate) < p) {
        below = candidate;
        break;
      }
      atOrAbove = candidate;
      step *= 2;
    }
  } else {
    below = start;
    let step = 1;
    for (;;) {
      const candidate = below + step;
      if (cdf(candidate) >= p) {
        atOrAbove = candidate;
        break;
      }
      if (!Number.isFinite(candidate)) return Number.POSITIVE_INFINITY;
      below = candidate;
      step *= 2;
    }
  }
  while (atOrAbove - below > 1) {
    const middle = Math.floor((below + atOrAbove) / 2);
    if (cdf(middle) >= p) atOrAbove = middle;
    else below = middle;
  }
  return atOrAbove;
}
