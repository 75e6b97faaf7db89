import type { ChartDataset } from './chart-types.js';

/**
 * SQL predicate: the local wall-clock TIMESTAMP `localColumn` (report_ed.arrival_local,
 * report_stays.admit_local) falls in the start year, where the scenario's rates and
 * profiles apply.
 */
export function startYearSql(localColumn: string, { run }: Pick<ChartDataset, 'run'>): string {
  return `year(${localColumn}) = ${run.startYear}`;
}
