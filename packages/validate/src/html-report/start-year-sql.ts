import { localDateSql } from '../dataset/local-date-sql.js';
import type { ChartDataset } from './chart-types.js';

/**
 * SQL predicate: the timestamp `column` falls in the start year on the local calendar of
 * the dataset's zone, where the scenario's rates and profiles apply.
 */
export function startYearSql(column: string, { run }: Pick<ChartDataset, 'run'>): string {
  return `${localDateSql(column, run, 'year')} = ${run.startYear}`;
}
