import { localDateSql } from '../dataset/local-date-sql.js';
import type { ChartDataset } from './chart-types.js';

/**
 * Converts timestamps to local wall-clock time once for every chart: temporary tables
 * `report_ed` (ed_encounters with `arrival_local`) and `report_stays` (ip_stays with
 * `admit_local`), every column of the source included, so a chart reading a new column
 * needs no change here. Local time is the dataset's zone, where the scenario's profiles
 * apply (localDateSql: Node's tz data, as the generator's).
 */
export async function prepareChartTables({ sql, run, rowCounts }: ChartDataset): Promise<void> {
  if (rowCounts.has('ed_encounters')) {
    await sql.connection.run(`CREATE OR REPLACE TEMP TABLE report_ed AS
      SELECT e.*, ${localDateSql('e.arrival_ts', run, 'timestamp')} AS arrival_local FROM ed_encounters e`);
  }
  if (rowCounts.has('ip_stays')) {
    await sql.connection.run(`CREATE OR REPLACE TEMP TABLE report_stays AS
      SELECT s.*, ${localDateSql('s.admit_ts', run, 'timestamp')} AS admit_local FROM ip_stays s`);
  }
}
