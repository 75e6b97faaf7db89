import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/**
 * Each LHA's population growth from the first to the last projection year
 * (population_projection) against its configured compound annual growth.
 */
export const lhaGrowth: ReportChart = {
  id: 'lha-growth',
  section: 'population',
  title: 'Population growth per local health area over the horizon',
  tables: ['population_projection'],
  columns: [
    { key: 'lha', label: 'LHA', format: 'text' },
    { key: 'first_year', label: 'First year', format: 'text' },
    { key: 'first_population', label: 'Population, first year', format: 'integer' },
    { key: 'last_year', label: 'Last year', format: 'text' },
    { key: 'last_population', label: 'Population, last year', format: 'integer' },
    { key: 'growth', label: 'Growth', format: 'percent' },
    { key: 'configured_growth', label: 'Configured growth', format: 'percent' },
  ],
  async query({ sql, scenario }) {
    const rows = await sql.rows(`
      WITH totals AS (
        SELECT lha_id, year, sum(population) AS population FROM population_projection GROUP BY ALL),
      span AS (SELECT min(year) AS first, max(year) AS last FROM totals)
      SELECT f.lha_id, CAST(span.first AS VARCHAR) AS first_year, f.population AS first_population,
        CAST(span.last AS VARCHAR) AS last_year, l.population AS last_population,
        l.population / f.population - 1 AS growth, span.last - span.first AS years
      FROM span
      JOIN totals f ON f.year = span.first
      JOIN totals l ON l.year = span.last AND l.lha_id = f.lha_id
      ORDER BY f.lha_id`);
    return rows.map((row): ChartRow => {
      const lha = scenario.lhas.find((entry) => entry.id === row.lha_id);
      const { years, lha_id: _id, ...rest } = row;
      return {
        lha: lha?.name ?? `LHA ${row.lha_id}`,
        ...rest,
        configured_growth: lha ? (1 + lha.annualGrowthPct / 100) ** chartNumber(years) - 1 : null,
      };
    });
  },
  spec(rows) {
    return {
      // Sorted here: a layered sort by x would union two domains.
      data: {
        values: [...rows]
          .sort((a, b) => chartNumber(b.growth) - chartNumber(a.growth))
          .map((row) => ({ ...row })),
      },
      width: 640,
      height: { step: 18 },
      encoding: {
        y: { field: 'lha', type: 'nominal', sort: null, title: 'Local health area' },
      },
      layer: [
        {
          mark: { type: 'bar', color: '#0072B2' },
          encoding: {
            x: {
              field: 'growth',
              type: 'quantitative',
              title: 'Growth over the horizon',
              axis: { format: '.0%' },
            },
          },
        },
        {
          mark: { type: 'tick', color: '#000000', thickness: 2, size: 14 },
          encoding: { x: { field: 'configured_growth', type: 'quantitative' } },
        },
      ],
    };
  },
  reading(rows) {
    const sorted = [...rows].sort((a, b) => chartNumber(b.growth) - chartNumber(a.growth));
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    if (!top || !bottom) return 'No population projection rows.';
    const gap = Math.max(
      ...rows.map((row) => Math.abs(chartNumber(row.growth) - chartNumber(row.configured_growth))),
    );
    return `Bars: projected growth; black ticks: the configured compound growth. Fastest ${top.lha} (${formatPercent(chartNumber(top.growth))}), slowest ${bottom.lha} (${formatPercent(chartNumber(bottom.growth))}); largest gap to the configured growth ${formatPercent(gap)}.`;
  },
};
