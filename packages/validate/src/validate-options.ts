/** Options of `validate`; thresholds default to the scenario's `validation` block. */
export interface ValidateOptions {
  /** Largest KS distance (and total variation distance) a column may show. */
  readonly ksThreshold?: number;
  /** Largest drift of a correlation from the reference. */
  readonly corrThreshold?: number;
  /**
   * Chance that a correct dataset fails some fidelity gate, at most (default 0.01); the
   * statistical part of every tolerance is set from it (Bonferroni).
   */
  readonly familyWiseAlpha?: number;
  /** Another lm-synth dataset to hold this one against: DCR, NNDR and pMSE gates. */
  readonly compare?: string;
}
