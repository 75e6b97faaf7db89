/** A 1-based position in a scenario file (YAML or coverage CSV). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}
