import { ADMISSION_ROUTES, ADMISSION_SOURCES } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/** The admission_source of each configured route (ADMISSION_ROUTES order). */
const ROUTE_SOURCES: Readonly<Record<(typeof ADMISSION_ROUTES)[number], string>> = {
  ed: 'ED',
  elective: 'Elective',
  direct: 'Direct',
};

/**
 * Stays by admission year (local) and route over the horizon (the warm-up year's stays are
 * only those still in hospital at the start; a transfer may continue a stay past the end),
 * against the configured route shares of each program/subprogram applied to the year's
 * non-transfer stays.
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
    { key: 'configured_share', label: 'Configured share', format: 'percent' },
  ],
  async query({ sql, run, scenario }) {
    const counts = await sql.rows(`
      SELECT year(s.admit_local) AS year, CAST(s.admission_source AS VARCHAR) AS admission_source,
        s.program_id, s.subprogram_id, count(*) AS stays
      FROM report_stays s
      WHERE year(s.admit_local) BETWEEN ${run.startYear} AND ${run.startYear + run.horizonYears - 1}
      GROUP BY ALL`);
    const rows: ChartRow[] = [];
    const years = [...new Set(counts.map((row) => chartNumber(row.year)))].sort((a, b) => a - b);
    for (const year of years) {
      const mine = counts.filter((row) => chartNumber(row.year) === year);
      const total = mine.reduce((sum, row) => sum + chartNumber(row.stays), 0);
      const expected = new Map<string, number>();
      for (const row of mine.filter((entry) => entry.admission_source !== 'Transfer')) {
        const shares =
          scenario.inpatient.admissionRoutes[chartNumber(row.program_id) - 1]?.[
            chartNumber(row.subprogram_id) - 1
          ] ?? [];
        ADMISSION_ROUTES.forEach((route, r) => {
          const source = ROUTE_SOURCES[route];
          expected.set(
            source,
            (expected.get(source) ?? 0) + chartNumber(row.stays) * (shares[r] ?? 0),
          );
        });
      }
      for (const source of ADMISSION_SOURCES) {
        const stays = mine
          .filter((row) => row.admission_source === source)
          .reduce((sum, row) => sum + chartNumber(row.stays), 0);
        const configured = expected.get(source);
        rows.push({
          year: String(year),
          admission_source: source,
          stays,
          share: total > 0 ? stays / total : null,
          configured_share: configured === undefined || total === 0 ? null : configured / total,
        });
      }
    }
    return rows;
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
  reading(rows) {
    const yearTotals = new Map<string, number>();
    for (const row of rows) {
      const year = String(row.year);
      yearTotals.set(year, (yearTotals.get(year) ?? 0) + chartNumber(row.stays));
    }
    const total = [...yearTotals.values()].reduce((sum, stays) => sum + stays, 0);
    if (total === 0) return 'No stays admitted over the horizon.';
    const parts = ADMISSION_SOURCES.map((source) => {
      const mine = rows.filter((row) => row.admission_source === source);
      const stays = mine.reduce((sum, row) => sum + chartNumber(row.stays), 0);
      const configured = mine.some((row) => row.configured_share !== null);
      const expected = mine.reduce(
        (sum, row) =>
          sum + chartNumber(row.configured_share) * (yearTotals.get(String(row.year)) ?? 0),
        0,
      );
      return `${source} ${formatPercent(stays / total)}${configured ? ` (configured ${formatPercent(expected / total)})` : ''}`;
    });
    return `Stacked bars: stays per year by route. Over the horizon: ${parts.join(', ')}.`;
  },
};
