import { standardNormalQuantile } from '@lm-synth/stats';

/** The per-check level of a statistical gate. */
export interface Significance {
  /** Probability allowed in each tail of one check's sampling distribution. */
  readonly tail: number;
  /** The standard normal quantile of 1 - tail. */
  readonly z: number;
}

/**
 * Bonferroni: the family-wise alpha is split evenly over the statistical gates that run,
 * then over each gate's checks and their tails, so the chance that a correct dataset
 * fails any check is at most `familyWiseAlpha` (the union bound).
 */
export function significance(
  familyWiseAlpha: number,
  gates: number,
  comparisons: number,
  sides: 1 | 2 = 2,
): Significance {
  const tail = familyWiseAlpha / Math.max(1, gates) / Math.max(1, comparisons) / sides;
  return { tail, z: standardNormalQuantile(1 - tail) };
}
