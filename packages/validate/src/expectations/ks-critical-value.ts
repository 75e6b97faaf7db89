/**
 * The two-sample Kolmogorov–Smirnov distance exceeded with probability about `alpha` when
 * both samples (sizes n and m) come from one continuous distribution: λ/√(nm/(n+m)) with
 * 2·exp(-2λ²) = alpha, the leading term of Kolmogorov's limit law (conservative for
 * discrete data).
 */
export function ksCriticalValue(n: number, m: number, alpha: number): number {
  const lambda = Math.sqrt(-Math.log(alpha / 2) / 2);
  return lambda * Math.sqrt((n + m) / (n * m));
}
