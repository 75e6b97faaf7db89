import type { SourceLocation } from './source-location.js';

/** One problem with a scenario, with where it was written when that is known. */
export interface PositionedError {
  readonly location: SourceLocation | undefined;
  /** Dotted path of the offending key, e.g. `lhas.Harborview.annual_growth_pct`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}
