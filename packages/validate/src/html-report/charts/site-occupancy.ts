import { chartNumber } from '../chart-number.js';
import type { ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/**
 * Mean daily occupancy (midnight census / staffed beds) per site and month over the
 * horizon (capacity_daily), one panel per site, with the scenario's expected band.
 */
export const siteOccupancy: ReportChart = {
  id: 'site-occupancy',
  section: 'inpatient',
  title: 'Occupancy per site over time (monthly mean of daily occupancy)',
  tables: ['capacity_daily', 'dim_site'],
  columns: [
    { key: 'site', label: 'Site', format: 'text' },
    { key: 'month', label: 'Month', format: 'text' },
    { key: 'occupancy', label: 'Mean occupancy', format: 'percent' },
    { key: 'staffed_beds', label: 'Mean staffed beds', format: 'decimal' },
    { key: 'census', label: 'Mean census', format: 'decimal' },
  ],
  async query({ sql }) {
    // The month as a number (2025.0 = January 2025) keeps the axis free of time zones.
    return sql.rows(`
      SELECT s.site_code || ' ' || s.site_name AS site, strftime(c.date, '%Y-%m') AS month,
        year(c.date) + (month(c.date) - 1) / 12 AS t,
        avg(CAST(c.occupancy AS DOUBLE)) AS occupancy, avg(c.staffed_beds) AS staffed_beds,
        avg(c.census) AS census
      FROM capacity_daily c JOIN dim_site s ON s.site_id = c.site_id
      GROUP BY ALL ORDER BY site, month`);
  },
  spec(rows, { scenario }) {
    const [low, high] = scenario.capacity.occupancyBand;
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      facet: { field: 'site', type: 'nominal', title: null },
      columns: 4,
      spec: {
        width: 190,
        height: 100,
        layer: [
          {
            // The band's edges as dashed rules across each panel.
            data: { values: [{ edge: low }, { edge: high }] },
            mark: { type: 'rule', color: '#009E73', strokeDash: [4, 3], strokeWidth: 1.5 },
            encoding: { y: { field: 'edge', type: 'quantitative' } },
          },
          {
            mark: { type: 'line', color: '#0072B2', strokeWidth: 1.5 },
            encoding: {
              x: {
                field: 't',
                type: 'quantitative',
                title: null,
                axis: { format: 'd', tickMinStep: 1 },
                scale: { zero: false },
              },
              y: {
                field: 'occupancy',
                type: 'quantitative',
                title: 'Occupancy',
                axis: { format: '.0%' },
              },
            },
          },
        ],
      },
    };
  },
  reading(rows, { scenario }) {
    const [low, high] = scenario.capacity.occupancyBand;
    const inBand = rows.filter(
      (row) => chartNumber(row.occupancy) >= low && chartNumber(row.occupancy) <= high,
    ).length;
    if (rows.length === 0) return 'No capacity rows.';
    return `Blue lines: monthly mean occupancy; green dashed lines: the expected band ${formatPercent(low)}–${formatPercent(high)} per site and year. ${inBand} of ${rows.length} site-months (${formatPercent(inBand / rows.length)}) fall inside the band; a month's mean varies more than a year's.`;
  },
};
