import type { Cell, QueryResult } from './sql-command-cells.js';

/** CSV by the lm-synth convention: LF, quotes only where needed, NULL empty, "" the empty string, booleans 1/0. */
export function formatCsv(result: QueryResult): string {
  const field = (value: Cell) => {
    if (value === null) return '';
    if (typeof value === 'boolean') return value ? '1' : '0';
    const text = String(value);
    return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [result.columns, ...result.rows].map((row) => `${row.map(field).join(',')}\n`).join('');
}
