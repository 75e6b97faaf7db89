import type { DuckDBConnection } from '@duckdb/node-api';

/** A value of a result row: integers arrive as numbers (counts here stay far below 2^53). */
export type SqlValue = number | string | boolean | null;
export type SqlRow = Readonly<Record<string, SqlValue>>;

/**
 * Runs the gates' aggregate queries on the DuckDB connection that has a view per dataset
 * table, and converts results to plain JS values.
 */
export class SqlSession {
  constructor(readonly connection: DuckDBConnection) {}

  async rows(sql: string): Promise<SqlRow[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => {
      const converted: Record<string, SqlValue> = {};
      for (const [key, value] of Object.entries(row)) converted[key] = toSqlValue(value);
      return converted;
    });
  }

  /** The single number a scalar query returns (0 for an empty result or NULL). */
  async scalar(sql: string): Promise<number> {
    const [row] = await this.rows(sql);
    const value = row === undefined ? null : Object.values(row)[0];
    return value === null || value === undefined ? 0 : Number(value);
  }

  /** Every column of a result, by name, for results too long for row objects. */
  async columns(sql: string): Promise<Record<string, SqlValue[]>> {
    const reader = await this.connection.runAndReadAll(sql);
    const converted: Record<string, SqlValue[]> = {};
    for (const [key, values] of Object.entries(reader.getColumnsObjectJS())) {
      converted[key] = values.map(toSqlValue);
    }
    return converted;
  }

  /** The first column of a numeric query as a Float64Array, for distribution tests. */
  async numbers(sql: string): Promise<Float64Array> {
    const reader = await this.connection.runAndReadAll(sql);
    const column = reader.getColumnsJS()[0] ?? [];
    return Float64Array.from(column, (value) => Number(value));
  }
}

function toSqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
