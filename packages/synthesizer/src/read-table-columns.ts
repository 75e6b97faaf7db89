import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import type { Category } from './marginal.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A column as the synthesizer holds values: dates as days since 1970-01-01, timestamps as
 * microseconds since the epoch, decimals and 64-bit integers as doubles, enums as strings.
 */
export function columnSql(column: ColumnDefinition): string {
  const name = quote(column.name);
  switch (column.type.kind) {
    case 'date':
      return `date_diff('day', DATE '1970-01-01', ${name})`;
    case 'timestamp':
      return `CAST(epoch_us(${name}) AS DOUBLE)`;
    case 'decimal':
    case 'int64':
    case 'float64':
      return `CAST(${name} AS DOUBLE)`;
    case 'enum':
    case 'string':
      return `CAST(${name} AS VARCHAR)`;
    default:
      return name;
  }
}

/** Every column of `table` in `orderBy` order, values converted as columnSql says. */
export async function readTableColumns(
  connection: DuckDBConnection,
  table: TableDefinition,
  orderBy: readonly string[],
): Promise<Record<string, Category[]>> {
  const select = table.columns.map((column) => `${columnSql(column)} AS ${quote(column.name)}`);
  const order = orderBy.length > 0 ? ` ORDER BY ${orderBy.map(quote).join(', ')}` : '';
  const reader = await connection.runAndReadAll(
    `SELECT ${select.join(', ')} FROM ${quote(table.name)}${order}`,
  );
  const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  const out: Record<string, Category[]> = {};
  for (const column of table.columns) {
    out[column.name] = (columns[column.name] ?? []).map((value) =>
      value === null || value === undefined
        ? null
        : typeof value === 'bigint'
          ? Number(value)
          : (value as Category),
    );
  }
  return out;
}
