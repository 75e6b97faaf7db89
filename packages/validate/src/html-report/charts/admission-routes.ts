import { ADMISSION_SOURCES } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/**
 * Stays by admission year (local) and route: through the ED, direct or by transfer, over the
 * horizon (the warm-up year's stays are only those still in hospital at the start; a transfer
 * may continue a stay past the horizon's end).
 */
export const admissionRoutes: ReportChart = {
  id: 'admission-routes',
  section: 'inpatient',
  title: 'Admissions by route and year',
  tables: ['ip_stays'],
  columns: [
    { key: 'year', label: 'Year', format: 'text' },
    { key: 'admission_source', label: 'Route', format: 'text' },
    { key: 'stays', label: 'Stays', format: 'integer' },
    { key: 'share', label: 'Share of the year', format: 'percent' },
  ],
  async query({ sql, run }) {
    const year = 'year(s.admit_local)';
    return sql.rows(`
      WITH counts AS (
        SELECT ${year} AS year, CAST(s.admission_source AS VARCHAR) AS admission_source, count(*) AS stays
        FROM report_stays s
        WHERE ${year} BETWEEN ${run.startYear} AND ${run.startYear + run.horizonYears - 1} GROUP BY ALL)
      SELECT CAST(year AS VARCHAR) AS year, admission_source, stays,
        stays / sum(stays) OVER (PARTITION BY year) AS share
      FROM counts ORDER BY year, admission_source`);
  },
  spec(rows) {
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      width: 640,
      height: 220,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: 'Year of admission' },
        y: { field: 'stays', type: 'quantitative', title: 'Stays', stack: 'zero' },
        color: {
          field: 'admission_source',
          type: 'nominal',
          sort: [...ADMISSION_SOURCES],
          title: 'Route',
        },
        order: { field: 'admission_source' },
      },
    };
  },
  reading(rows, { scenario }) {
    const total = (source: string) =>
      rows
        .filter((row) => row.admission_source === source)
        .reduce((sum, row) => sum + chartNumber(row.stays), 0);
    const ed = total('ED');
    const direct = total('Direct');
    const transfer = total('Transfer');
    if (ed + direct + transfer === 0) return 'No stays admitted from the start year on.';
    return `Stacked bars: stays per year by route. Through the ED: ${formatPercent(ed / Math.max(1, ed + direct))} of non-transfer admissions (configured ${formatPercent(scenario.inpatient.edAdmissionShare)}); transfers ${formatPercent(transfer / (ed + direct + transfer))} of all stays.`;
  },
};
