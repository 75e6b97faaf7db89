import type { LogicalType } from '@lm-synth/dims';
import type { DatasetManifest } from '@lm-synth/export-arrow';

/** A value bound to a `?` placeholder; user input only ever reaches SQL this way. */
export type SqlParameter = string | number | boolean;

/** A JSON-safe cell: ids as numbers when safe, dates `YYYY-MM-DD`, instants ISO 8601 UTC. */
export type JsonValue = string | number | boolean | null;

export type JsonRow = Record<string, JsonValue>;

/** A column of a SELECT's result, in select-list order, typed as the catalogue says. */
export interface ResultColumn {
  readonly name: string;
  readonly type: LogicalType;
}

/** Where the SQL of two engines differs; everything else is written once. */
export interface SqlDialect {
  quoteIdentifier(name: string): string;
  /** A placeholder for an instant, and the parameter value it takes for epoch milliseconds `ms`. */
  instantParameter(ms: number): { readonly placeholder: string; readonly value: SqlParameter };
}

/** The tables the API reads: a dataset directory in DuckDB or a database loaded by `lm-synth load`. */
export interface DataSource {
  readonly kind: 'duckdb' | 'mysql';
  /** Where the data comes from: the dataset directory, or `host:port/database`. */
  readonly location: string;
  readonly dialect: SqlDialect;
  /** Catalogue tables present. */
  readonly tables: ReadonlySet<string>;
  /** datapackage.json of the dataset, when the source is a dataset directory. */
  readonly manifest?: DatasetManifest;
  /** Runs a parameterised SELECT; each cell is converted by its column's logical type. */
  select(
    sql: string,
    parameters: readonly SqlParameter[],
    columns: readonly ResultColumn[],
  ): Promise<JsonRow[]>;
  close(): Promise<void>;
}
