import { formatTextTable } from './format-text-table.js';
import type { Cell, QueryResult } from './sql-command-cells.js';

/** An aligned text table with a row count, for people. */
export function formatTable(result: QueryResult): string {
  const text = (value: Cell) =>
    value === null ? 'NULL' : String(value).replaceAll('\r', '\\r').replaceAll('\n', '\\n');
  const rows = result.rows.map((row) => row.map(text));
  const widths = result.columns.map((name, i) =>
    Math.max(name.length, ...rows.map((row) => row[i]!.length)),
  );
  const [header, ...body] = formatTextTable(result.columns, rows, result.numeric);
  const count = `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`;
  return [header, widths.map((width) => '-'.repeat(width)).join('  '), ...body, count, ''].join(
    '\n',
  );
}
