/** A category of a frequency marginal: what a cell of the column holds (null included). */
export type Category = string | number | boolean | null;

/**
 * One column's (or derived feature's) fitted marginal distribution, as stored in the model.
 *
 * - `quantile`: continuous, integer, date and timestamp values. A piecewise-linear quantile
 *   function at evenly spaced probabilities 0, 1/(K-1), …, 1, each knot the type-7
 *   quantile of the training values (so no knot needs to be a training value), sampled
 *   values rounded to multiples of `step` (0: not rounded). A non-parametric family, like
 *   SDV's KDE choice but linear-time to sample, and exact at the observed support's ends,
 *   so bounds such as LOS ≥ 0.25 carry over.
 * - `frequency`: categorical values by frequency intervals (SDV's uniform encoder): each
 *   category owns an interval of [0, 1) as wide as its share; categories are in descending
 *   frequency, or ascending value when `ordered` (small integer domains, counts), so the
 *   normal scores keep their order and correlations mean something.
 */
export type Marginal =
  | { kind: 'quantile'; knots: number[]; step: number }
  | {
      kind: 'frequency';
      ordered: boolean;
      values: Category[];
      weights: number[];
    };
