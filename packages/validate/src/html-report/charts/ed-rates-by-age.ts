import { AGE_GROUPS, ED_SUBSERVICES, GENDERS } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { startYearSql } from '../start-year-sql.js';

/**
 * Start-year ED visits per 1,000 residents by age group x subservice: weighted visits of
 * the patients in that age group in the start year over the start-year population, against
 * the scenario's rates averaged over LHAs and genders by population.
 */
export const edRatesByAge: ReportChart = {
  id: 'ed-rates-by-age',
  section: 'ed',
  title: 'ED visits per 1,000 residents by age group and subservice, start year',
  tables: ['ed_encounters', 'patients', 'population_projection'],
  columns: [
    { key: 'age_group', label: 'Age group', format: 'text' },
    { key: 'ed_subservice', label: 'Subservice', format: 'text' },
    { key: 'weighted_visits', label: 'Weighted visits', format: 'integer' },
    { key: 'population', label: 'Population', format: 'integer' },
    { key: 'rate', label: 'Visits per 1,000', format: 'decimal' },
    { key: 'expected_rate', label: 'Configured per 1,000', format: 'decimal' },
  ],
  async query(context) {
    const { sql, run, scenario } = context;
    const visits = await sql.rows(`
      SELECT CAST(p.age_group AS VARCHAR) AS age_group, CAST(e.ed_subservice AS VARCHAR) AS ed_subservice,
        sum(CAST(p.weight AS DOUBLE)) AS weighted_visits
      FROM report_ed e JOIN patients p ON p.patient_id = e.patient_id
      WHERE ${startYearSql('e.arrival_local', context)}
      GROUP BY ALL`);
    const cells = await sql.rows(`
      SELECT lha_id, CAST(age_group AS VARCHAR) AS age_group, CAST(gender AS VARCHAR) AS gender,
        sum(population) AS population
      FROM population_projection WHERE year = ${run.startYear} GROUP BY ALL`);
    const rows: ChartRow[] = [];
    for (const [a, ageGroup] of AGE_GROUPS.entries()) {
      const inGroup = cells.filter((cell) => cell.age_group === ageGroup);
      const population = inGroup.reduce((sum, cell) => sum + chartNumber(cell.population), 0);
      for (const [s, subservice] of ED_SUBSERVICES.entries()) {
        const expected = inGroup.reduce((sum, cell) => {
          const g = GENDERS.indexOf(cell.gender as (typeof GENDERS)[number]);
          const lha = chartNumber(cell.lha_id) - 1;
          const rate = scenario.ed.ratesPer1000[lha]?.[a]?.[g]?.[s] ?? 0;
          return sum + chartNumber(cell.population) * rate;
        }, 0);
        const weighted = chartNumber(
          visits.find((row) => row.age_group === ageGroup && row.ed_subservice === subservice)
            ?.weighted_visits,
        );
        rows.push({
          age_group: ageGroup,
          ed_subservice: subservice,
          weighted_visits: weighted,
          population,
          rate: population > 0 ? (1000 * weighted) / population : null,
          expected_rate: population > 0 ? expected / population : null,
        });
      }
    }
    return rows;
  },
  spec(rows) {
    const sub = { field: 'ed_subservice', type: 'nominal', sort: [...ED_SUBSERVICES] } as const;
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      width: 640,
      height: 260,
      encoding: {
        x: { field: 'age_group', type: 'ordinal', sort: [...AGE_GROUPS], title: 'Age group' },
        xOffset: sub,
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'rate', type: 'quantitative', title: 'Visits per 1,000 residents' },
            color: { ...sub, title: 'Subservice' },
          },
        },
        {
          mark: { type: 'tick', color: '#000000', thickness: 2 },
          encoding: { y: { field: 'expected_rate', type: 'quantitative' } },
        },
      ],
    };
  },
  reading(rows) {
    const total = (key: string) =>
      rows.reduce((sum, row) => sum + chartNumber(row[key]) * chartNumber(row.population), 0);
    const population = AGE_GROUPS.reduce(
      (sum, group) => sum + chartNumber(rows.find((row) => row.age_group === group)?.population),
      0,
    );
    if (population === 0) return 'No start-year population.';
    return `Bars: observed rates; black ticks: configured rates. All ages: ${(total('rate') / population).toFixed(0)} visits per 1,000 residents against ${(total('expected_rate') / population).toFixed(0)} configured.`;
  },
};
