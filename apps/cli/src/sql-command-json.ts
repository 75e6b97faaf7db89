import type { QueryResult } from './sql-command-cells.js';

/** A JSON array of row objects keyed by column name. */
export function formatJsonRows(result: QueryResult): string {
  const objects = result.rows.map((row) =>
    Object.fromEntries(result.columns.map((name, i) => [name, row[i]])),
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}
