import { edProjectionSql } from '@lm-synth/dims';
import type { SinkSession } from './sink-session.js';
import type { VerificationReport } from './verification-report.js';

const TABLES = ['population_projection', 'ed_baseline_rates', 'dim_lha', 'dim_site'];

/**
 * The blueprint's ED projection check (§10, §14.7) for `year`, or the first
 * projection year; undefined when its tables are not all present.
 */
export async function edProjection(
  session: SinkSession,
  present: ReadonlySet<string>,
  year?: number,
): Promise<VerificationReport['projection']> {
  if (!TABLES.every((table) => present.has(table))) return undefined;
  let projectionYear = year;
  if (projectionYear === undefined) {
    const [row] = await session.rows('SELECT MIN(year) AS year FROM population_projection');
    if (row?.year === null || row?.year === undefined) return undefined;
    projectionYear = Number(row.year);
  }
  const rows = await session.rows(
    `${edProjectionSql(['p.year = ?'])}
ORDER BY projected_volumes DESC, facility, ed_subservice`,
    [projectionYear],
    'computing the ED projection',
  );
  return {
    year: projectionYear,
    rows: rows.map((row) => ({
      facility: String(row.facility),
      edSubservice: String(row.ed_subservice),
      projectedVolumes: Number(row.projected_volumes),
    })),
  };
}
