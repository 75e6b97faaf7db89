import type { Category, Marginal } from './marginal.js';

/** A marginal ready to sample: u in (0, 1) to a value (quantile) or a category index (frequency). */
export interface CompiledMarginal {
  readonly marginal: Marginal;
  /** The quantile marginal's value at u, rounded to its step; NaN for a frequency marginal. */
  value(u: number): number;
  /** The frequency marginal's category index at u; -1 for a quantile marginal or no categories. */
  index(u: number): number;
  readonly categories: readonly Category[];
}

/** Precomputes what sampling a marginal needs (cumulative weights). */
export function compileMarginal(marginal: Marginal): CompiledMarginal {
  if (marginal.kind === 'quantile') {
    const knots = Float64Array.from(marginal.knots);
    const last = knots.length - 1;
    const step = marginal.step;
    // Steps below 1 are 10^-scale: dividing by the integer 1/step rounds without 0.1-style noise.
    const inverse = step > 0 && step < 1 ? Math.round(1 / step) : 0;
    return {
      marginal,
      categories: [],
      index: () => -1,
      value(u) {
        const position = Math.min(Math.max(u, 0), 1) * last;
        const below = Math.min(Math.floor(position), last - 1);
        const low = knots[below]!;
        const x = low + (knots[below + 1]! - low) * (position - below);
        if (step <= 0) return x;
        // Rounded within the support, so the knots' ends stay bounds.
        const rounded =
          inverse > 0 ? Math.round(x * inverse) / inverse : Math.round(x / step) * step;
        return Math.min(Math.max(rounded, knots[0]!), knots[last]!);
      },
    };
  }
  const cumulative = new Float64Array(marginal.weights.length);
  let sum = 0;
  marginal.weights.forEach((weight, i) => {
    sum += weight;
    cumulative[i] = sum;
  });
  const count = cumulative.length;
  return {
    marginal,
    categories: marginal.values,
    value: () => Number.NaN,
    index(u) {
      if (count === 0) return -1;
      const target = u * sum;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
