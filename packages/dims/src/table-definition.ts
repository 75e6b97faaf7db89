/**
 * The shape of one table in the lm-synth catalogue. Arrow schemas, MySQL DDL,
 * datapackage.json, SDV metadata and the validator's key checks are all derived
 * from these definitions; nothing else writes a column list.
 */
export type LogicalType =
  | { readonly kind: 'int8' }
  | { readonly kind: 'int16' }
  | { readonly kind: 'int32' }
  | { readonly kind: 'int64' }
  | { readonly kind: 'float64' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly maxLength: number }
  /** A string over a closed domain; `values` is null when the domain comes from the scenario (e.g. site codes). */
  | { readonly kind: 'enum'; readonly values: readonly string[] | null; readonly maxLength: number }
  | { readonly kind: 'date' }
  /** Instant in UTC, microsecond precision. */
  | { readonly kind: 'timestamp' };

export interface ColumnDefinition {
  readonly name: string;
  readonly type: LogicalType;
  readonly nullable: boolean;
  readonly description: string;
  /** Ids the database may assign itself (blueprint DDL AUTO_INCREMENT); we always supply them. */
  readonly autoIncrement?: boolean;
}

export interface ForeignKeyDefinition {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly table: string; readonly columns: readonly string[] };
}

export interface IndexDefinition {
  readonly name: string;
  readonly columns: readonly string[];
}

export type TableRole = 'dimension' | 'reference' | 'fact';

export interface TableDefinition {
  readonly name: string;
  readonly role: TableRole;
  readonly description: string;
  readonly columns: readonly ColumnDefinition[];
  readonly primaryKey: readonly string[];
  readonly uniqueKeys: readonly (readonly string[])[];
  readonly foreignKeys: readonly ForeignKeyDefinition[];
  readonly indexes: readonly IndexDefinition[];
  /** Present only when the generator runs with ED (`withEd`) or IP (`withIp`) facts. */
  readonly requires?: 'ed' | 'ip';
}
