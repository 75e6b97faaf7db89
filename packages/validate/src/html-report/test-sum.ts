import { chartNumber } from './chart-number.js';
import type { ChartRow } from './chart-types.js';

/** The sum of a column over rows, for tests. */
export function sumOf(rows: readonly ChartRow[], key: string): number {
  return rows.reduce((sum, row) => sum + chartNumber(row[key]), 0);
}
