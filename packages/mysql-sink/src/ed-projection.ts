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
    `SELECT s.site_code AS facility,
            r.ed_subservice AS edSubservice,
            SUM(p.population * r.baserate_per_1000 / 1000.0) AS projectedVolumes
       FROM population_projection p
       JOIN ed_baseline_rates r
         ON p.lha_id = r.lha_id AND p.age_group = r.age_group AND p.gender = r.gender
       JOIN dim_lha l ON l.lha_id = p.lha_id
       JOIN dim_site s ON s.site_id = l.default_site_id
      WHERE p.year = ?
      GROUP BY s.site_code, r.ed_subservice
      ORDER BY projectedVolumes DESC, facility, edSubservice`,
    [projectionYear],
    'computing the ED projection',
  );
  return {
    year: projectionYear,
    rows: rows.map((row) => ({
      facility: String(row.facility),
      edSubservice: String(row.edSubservice),
      projectedVolumes: Number(row.projectedVolumes),
    })),
  };
}
