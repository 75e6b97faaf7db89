import { formatTextTable } from './format-text-table.js';
import type { Cell, QueryResult } from './sql-command-cells.js';

/** An aligned text table with a row count, for people. */
export function formatTable(result: QueryResult): string {
  const text = (value: Cell) =>
    value === null ? 'NULL' : String(value).replaceAll('\r', '\\r').replaceAll('\n', '\\n');
  const rows = result.rows.map((row) => row.map(text));
  // A loop, not Math.max(...rows): spreading a large result overflows the call stack.
  const widths = result.columns.map((name, i) =>
    rows.reduce((width, row) => Math.max(width, row[i]!.length), name.length),
  );
  const [header, ...body] = formatTextTable(result.columns, rows, result.numeric);
  const count = `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`;
  return [header, widths.map((width) => '-'.repeat(width)).join('  '), ...body, count, ''].join(
    '\n',
  );
}
