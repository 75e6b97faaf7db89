import { AGE_GROUPS, ED_SUBSERVICES, type Scenario } from '@lm-synth/config/core';
import { chartNumber } from './chart-number.js';
import type { ChartRow, ReportChart } from './chart-types.js';
import { formatPercent } from './format-percent.js';
import { startYearSql } from './start-year-sql.js';

export interface EdMixOptions {
  readonly id: string;
  readonly title: string;
  /** The ed_encounters column. */
  readonly column: string;
  readonly categories: readonly (string | number)[];
  /** [age group][subservice][category]: the scenario's probabilities. */
  probabilities(scenario: Scenario): readonly (readonly (readonly number[])[])[];
}

/**
 * A chart of the mix of start-year ED visits over a column's categories (acuity,
 * disposition) per subservice, against the scenario's probabilities averaged over the
 * visits' age groups (patients.age_group, their start-year age group).
 */
export function edMixChart(options: EdMixOptions): ReportChart {
  const { column, categories } = options;
  return {
    id: options.id,
    section: 'ed',
    title: options.title,
    tables: ['ed_encounters', 'patients'],
    columns: [
      { key: 'ed_subservice', label: 'Subservice', format: 'text' },
      { key: 'category', label: column, format: 'text' },
      { key: 'visits', label: 'Visits', format: 'integer' },
      { key: 'share', label: 'Share', format: 'percent' },
      { key: 'expected_share', label: 'Configured share', format: 'percent' },
    ],
    async query(context) {
      const counts = await context.sql.rows(`
        SELECT CAST(p.age_group AS VARCHAR) AS age_group,
          CAST(e.ed_subservice AS VARCHAR) AS ed_subservice,
          CAST(e.${column} AS VARCHAR) AS category, count(*) AS visits
        FROM report_ed e JOIN patients p ON p.patient_id = e.patient_id
        WHERE ${startYearSql('e.arrival_local', context)}
        GROUP BY ALL`);
      const probabilities = options.probabilities(context.scenario);
      const rows: ChartRow[] = [];
      for (const [s, subservice] of ED_SUBSERVICES.entries()) {
        const mine = counts.filter((row) => row.ed_subservice === subservice);
        const total = mine.reduce((sum, row) => sum + chartNumber(row.visits), 0);
        const byAge = AGE_GROUPS.map((group) =>
          mine
            .filter((row) => row.age_group === group)
            .reduce((sum, row) => sum + chartNumber(row.visits), 0),
        );
        for (const [c, category] of categories.entries()) {
          const visits = mine
            .filter((row) => row.category === String(category))
            .reduce((sum, row) => sum + chartNumber(row.visits), 0);
          const expected = byAge.reduce(
            (sum, n, a) => sum + n * (probabilities[a]?.[s]?.[c] ?? 0),
            0,
          );
          rows.push({
            ed_subservice: subservice,
            category: String(category),
            visits,
            share: total > 0 ? visits / total : null,
            expected_share: total > 0 ? expected / total : null,
          });
        }
      }
      return rows;
    },
    spec(rows) {
      return {
        data: { values: rows.map((row) => ({ ...row })) },
        facet: {
          column: {
            field: 'ed_subservice',
            type: 'nominal',
            sort: [...ED_SUBSERVICES],
            title: null,
          },
        },
        spec: {
          width: 220,
          height: 160,
          encoding: {
            x: { field: 'category', type: 'ordinal', sort: categories.map(String), title: null },
          },
          layer: [
            {
              mark: { type: 'bar', color: '#009E73' },
              encoding: {
                y: {
                  field: 'share',
                  type: 'quantitative',
                  title: 'Share of visits',
                  axis: { format: '.0%' },
                },
              },
            },
            {
              mark: { type: 'tick', color: '#000000', thickness: 2 },
              encoding: { y: { field: 'expected_share', type: 'quantitative' } },
            },
          ],
        },
      };
    },
    reading(rows) {
      const worst = [...rows]
        .filter((row) => row.share !== null && row.expected_share !== null)
        .sort(
          (a, b) =>
            Math.abs(chartNumber(b.share) - chartNumber(b.expected_share)) -
            Math.abs(chartNumber(a.share) - chartNumber(a.expected_share)),
        )[0];
      if (!worst) return 'No start-year ED visits.';
      return `Bars: observed shares of each subservice's start-year visits; black ticks: configured shares for the visits' age groups. Largest gap: ${worst.ed_subservice} / ${worst.category}, ${formatPercent(chartNumber(worst.share))} against ${formatPercent(chartNumber(worst.expected_share))}.`;
    },
  };
}
