/** A column of a block: one typed-array element per row, except patient_id (13 bytes per row). */
export type BlockColumn = Int8Array | Uint8Array | Int32Array | Float64Array | BigInt64Array;

/** Columns of one table keyed by catalogue column name; ids assigned at emission are absent. */
export type BlockColumns = Readonly<Record<string, BlockColumn>>;

/** Which tables a pass needs from a block; the others are skipped or only counted. */
export interface BlockNeeds {
  readonly patients: boolean;
  readonly ed: boolean;
  readonly ip: boolean;
}

/**
 * The rows one logical block of patients contributes. Ids and references are
 * block-local: encounter and stay references hold the 0-based row within the
 * block (-1 for null); emission adds the rows of earlier blocks.
 */
export interface BlockResult {
  readonly blockIndex: number;
  readonly patientCount: number;
  /** ED rows of the block; only counted when the pass needs ED or IP rows (else 0). */
  readonly edCount: number;
  readonly ipCount: number;
  readonly patients?: BlockColumns;
  readonly ed?: BlockColumns;
  readonly ip?: BlockColumns;
  /** Per stay: site index, first and past-last census day (0 = first horizon day), clipped to the horizon. */
  readonly census?: Int32Array;
}

/** What a worker is asked to generate. */
export interface BlockRequest {
  readonly blockIndex: number;
  readonly needs: BlockNeeds;
}
