import { ED_SUBSERVICES, type Scenario } from '@lm-synth/config/core';
import type { LocalPart } from '../dataset/local-date-sql.js';
import { chartNumber } from './chart-number.js';
import type { ChartRow, ChartSectionId, ReportChart } from './chart-types.js';
import { formatPercent } from './format-percent.js';
import { startYearSql } from './start-year-sql.js';

export interface TimeProfileOptions {
  readonly id: string;
  readonly section: ChartSectionId;
  readonly title: string;
  /** The local part of arrival_ts: month (1-12), weekday (0 = Monday) or hour. */
  readonly part: Extract<LocalPart, 'month' | 'weekday' | 'hour'>;
  /** Labels of the part's values, in order. */
  readonly labels: readonly string[];
  /** The first value of the part (1 for months, 0 otherwise). */
  readonly first: number;
  /** Expected share of each value per subservice (ED_SUBSERVICES order). */
  expected(scenario: Scenario, year: number): readonly (readonly number[])[];
}

const PART_SQL = {
  month: 'month(e.arrival_local)',
  weekday: '(isodow(e.arrival_local) - 1)',
  hour: 'hour(e.arrival_local)',
} as const;

/**
 * A chart of start-year ED arrivals by a part of their local time (month, weekday, hour),
 * per subservice, as shares of the subservice's visits against the scenario's profile.
 */
export function timeProfileChart(options: TimeProfileOptions): ReportChart {
  const { part, labels, first } = options;
  return {
    id: options.id,
    section: options.section,
    title: options.title,
    tables: ['ed_encounters'],
    columns: [
      { key: 'ed_subservice', label: 'Subservice', format: 'text' },
      { key: 'label', label: part[0]!.toUpperCase() + part.slice(1), format: 'text' },
      { key: 'visits', label: 'Visits', format: 'integer' },
      { key: 'share', label: 'Share', format: 'percent' },
      { key: 'expected_share', label: 'Configured share', format: 'percent' },
    ],
    async query(context) {
      const counts = await context.sql.rows(`
        SELECT CAST(e.ed_subservice AS VARCHAR) AS ed_subservice,
          ${PART_SQL[part]} AS value, count(*) AS visits
        FROM report_ed e WHERE ${startYearSql('e.arrival_local', context)}
        GROUP BY ALL`);
      const expected = options.expected(context.scenario, context.run.startYear);
      const rows: ChartRow[] = [];
      for (const [s, subservice] of ED_SUBSERVICES.entries()) {
        const mine = counts.filter((row) => row.ed_subservice === subservice);
        const total = mine.reduce((sum, row) => sum + chartNumber(row.visits), 0);
        for (const [i, label] of labels.entries()) {
          const visits = chartNumber(
            mine.find((row) => chartNumber(row.value) === i + first)?.visits,
          );
          rows.push({
            ed_subservice: subservice,
            label,
            visits,
            share: total > 0 ? visits / total : null,
            expected_share: expected[s]?.[i] ?? null,
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
          width: labels.length > 12 ? 280 : 200,
          height: 160,
          encoding: {
            x: { field: 'label', type: 'ordinal', sort: [...labels], title: null },
          },
          layer: [
            {
              mark: { type: 'bar', color: '#56B4E9' },
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
              mark: { type: 'line', color: '#000000', point: { color: '#000000', size: 12 } },
              encoding: { y: { field: 'expected_share', type: 'quantitative' } },
            },
          ],
        },
        resolve: { scale: { y: 'independent' } },
      };
    },
    reading(rows) {
      const gaps = rows
        .filter((row) => row.share !== null && row.expected_share !== null)
        .map((row) => ({
          row,
          gap: Math.abs(chartNumber(row.share) - chartNumber(row.expected_share)),
        }))
        .sort((a, b) => b.gap - a.gap);
      const worst = gaps[0];
      if (!worst) return 'No start-year ED arrivals.';
      return `Bars: observed shares of each subservice's start-year visits (local time); black line: the configured profile. Largest gap ${formatPercent(worst.gap)} points (${worst.row.ed_subservice}, ${worst.row.label}: ${formatPercent(chartNumber(worst.row.share))} against ${formatPercent(chartNumber(worst.row.expected_share))}).`;
    },
  };
}
