/** The checks run after a load (and by `lm-synth load --verify-only`), blueprint §14.7. */
export interface VerificationReport {
  /** Row counts; `expected` from datapackage.json or the rows streamed, when known. */
  readonly tables: readonly {
    readonly table: string;
    readonly rows: number;
    readonly expected?: number;
  }[];
  /** Rows whose foreign key matches no parent row; all zero in a sound load. */
  readonly foreignKeys: readonly {
    readonly table: string;
    readonly name: string;
    readonly references: string;
    readonly orphans: number;
  }[];
  /** Duplicated values of unique keys (unique checks are off while loading). */
  readonly uniqueKeys: readonly {
    readonly table: string;
    readonly columns: readonly string[];
    readonly duplicates: number;
  }[];
  /** The ED projection of §10/§14.7 for one year, highest volume first; absent without its tables. */
  readonly projection?: {
    readonly year: number;
    readonly rows: readonly {
      readonly facility: string;
      readonly edSubservice: string;
      readonly projectedVolumes: number;
    }[];
  };
  /** Counts match, no orphans, no duplicates. */
  readonly ok: boolean;
}
