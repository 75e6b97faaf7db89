/**
 * What produced a dataset, recorded in datapackage.json so that it is reproducible. The
 * generators fill it in from the resolved plan; nobody writes it by hand (export-arrow's
 * manifest schema is checked against this type by the compiler).
 */
export interface RunMetadata {
  /** The version of @lm-synth/generators that made the rows. */
  readonly lmSynthVersion: string;
  readonly seed: number;
  readonly scenarioId: string;
  /** scenarioHash() of the scenario the rows were generated from (start year and horizon applied). */
  readonly scenarioHash: string;
  /** YYYY-MM-DD */
  readonly referenceDate: string;
  /** IANA time zone of the scenario: profiles are local wall-clock time there, timestamps UTC instants. */
  readonly timeZone: string;
  readonly startYear: number;
  readonly horizonYears: number;
  readonly patients: number;
  readonly uniqueQuasiIdentifiers: boolean;
  readonly withEd: boolean;
  readonly withIp: boolean;
  /** Set when a fitted model (lm-synth model sample) produced the rows: its file's hash. */
  readonly model?: { readonly hash: string; readonly version: number };
}
