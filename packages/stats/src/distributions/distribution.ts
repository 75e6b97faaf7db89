/** Exact functions of a continuous distribution. */
export interface ContinuousDistribution {
  readonly mean: number;
  readonly variance: number;
  /** Density at x. */
  pdf(x: number): number;
  /** P(X <= x). */
  cdf(x: number): number;
  /** The smallest x with cdf(x) >= p, for p in [0, 1]. */
  quantile(p: number): number;
}

/** Exact functions of a distribution on the integers. */
export interface DiscreteDistribution {
  readonly mean: number;
  readonly variance: number;
  /** P(X = k); 0 for non-integers. */
  pmf(k: number): number;
  /** P(X <= k). */
  cdf(k: number): number;
  /** The smallest integer k with cdf(k) >= p, for p in [0, 1]. */
  quantile(p: number): number;
}
