import { regularizedBeta } from '@lm-synth/stats';

/** Quantiles of a count distribution: the smallest k with P(X <= k) >= p. */
export interface CountQuantiles {
  quantile(p: number): number;
}

/**
 * Binomial(n, p) quantiles, exactly: P(X <= k) = I_{1-p}(n - k, k + 1) (the regularized
 * incomplete beta), searched by bisection over 0..n.
 */
export function binomialQuantiles(n: number, p: number): CountQuantiles {
  const cdf = (k: number) => (k >= n ? 1 : regularizedBeta(1 - p, n - k, k + 1));
  return {
    quantile(q) {
      if (n === 0 || p <= 0) return 0;
      if (p >= 1) return n;
      let low = -1;
      let high = n;
      // Invariant: cdf(low) < q <= cdf(high), with cdf(-1) = 0.
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (cdf(middle) >= q) high = middle;
        else low = middle;
      }
      return high;
    },
  };
}
