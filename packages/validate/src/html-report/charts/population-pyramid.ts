import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';
import { sqlTextList } from '../sql-text-list.js';

/**
 * The population of the first and last projection years by age group and gender
 * (population_projection, summed over LHAs): the region ageing over the horizon.
 */
export const populationPyramid: ReportChart = {
  id: 'population-pyramid',
  section: 'population',
  title: 'Population by age group and gender, first and last projection years',
  tables: ['population_projection'],
  columns: [
    { key: 'year', label: 'Year', format: 'text' },
    { key: 'age_group', label: 'Age group', format: 'text' },
    { key: 'gender', label: 'Gender', format: 'text' },
    { key: 'population', label: 'Population', format: 'integer' },
    { key: 'share', label: 'Share of the year', format: 'percent' },
  ],
  async query({ sql }) {
    return sql.rows(`
      WITH years AS (SELECT min(year) AS first, max(year) AS last FROM population_projection),
      cells AS (
        SELECT year, CAST(age_group AS VARCHAR) AS age_group, CAST(gender AS VARCHAR) AS gender,
          sum(population) AS population
        FROM population_projection, years WHERE year IN (years.first, years.last)
        GROUP BY ALL)
      SELECT CAST(year AS VARCHAR) AS year, age_group, gender, population,
        population / sum(population) OVER (PARTITION BY year) AS share
      FROM cells
      ORDER BY year, array_position(${sqlTextList(AGE_GROUPS)}, age_group),
        array_position(${sqlTextList(GENDERS)}, gender)`);
  },
  spec(rows) {
    // A pyramid: women to the left, men (and the small Other group, stacked after them) to the right.
    return {
      data: {
        values: rows.map((row) => ({
          ...row,
          side:
            row.gender === 'Female' ? -chartNumber(row.population) : chartNumber(row.population),
        })),
      },
      facet: { column: { field: 'year', type: 'ordinal', title: null } },
      spec: {
        width: 300,
        height: 220,
        mark: { type: 'bar' },
        encoding: {
          y: {
            field: 'age_group',
            type: 'ordinal',
            sort: [...AGE_GROUPS].reverse(),
            title: 'Age group',
          },
          x: {
            field: 'side',
            type: 'quantitative',
            stack: 'zero',
            title: 'Population (women left, men and other right)',
            axis: { labelExpr: "format(abs(datum.value), '~s')" },
          },
          color: { field: 'gender', type: 'nominal', sort: [...GENDERS], title: 'Gender' },
          order: { field: 'gender', sort: 'ascending' },
        },
      },
    };
  },
  reading(rows) {
    const share = (year: string, groups: readonly string[]) =>
      rows
        .filter((row) => row.year === year && groups.includes(String(row.age_group)))
        .reduce((sum, row) => sum + chartNumber(row.share), 0);
    const years = [...new Set(rows.map((row) => String(row.year)))];
    const first = years[0];
    const last = years[years.length - 1];
    if (first === undefined || last === undefined) return 'No population projection rows.';
    const old = ['65-74', '75-84', '85+'];
    return `The share aged 65 and over goes from ${formatPercent(share(first, old))} in ${first} to ${formatPercent(share(last, old))} in ${last}.`;
  },
};
