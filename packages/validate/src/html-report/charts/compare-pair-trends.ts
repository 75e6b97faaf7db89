import { cramersV } from '@lm-synth/stats';
import type { SqlSession } from '../../dataset/sql-session.js';
import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';

// The patient columns whose pairwise associations are compared; ED visits capped at 5+.
const COLUMNS: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'age_group', sql: 'CAST(age_group AS VARCHAR)' },
  { name: 'gender', sql: 'CAST(gender AS VARCHAR)' },
  { name: 'lha_id', sql: 'CAST(lha_id AS VARCHAR)' },
  { name: 'facility_home_id', sql: 'CAST(facility_home_id AS VARCHAR)' },
  { name: 'primary_ed_subservice', sql: 'CAST(primary_ed_subservice AS VARCHAR)' },
  { name: 'ed_visits_year', sql: 'CAST(least(ed_visits_year, 5) AS VARCHAR)' },
];

const SIDES = ['this dataset', 'other dataset', 'similarity'] as const;

/**
 * Pair trends: Cramér's V of every pair of patient columns in each dataset, and their
 * similarity 1 − |V this − V other| (1: the association is reproduced), as heatmaps.
 */
export const comparePairTrends: ReportChart = {
  id: 'compare-pair-trends',
  section: 'compare',
  title: "Pair trends: association of each pair of patient columns (Cramér's V)",
  tables: ['patients'],
  compare: true,
  columns: [
    { key: 'x', label: 'Column', format: 'text' },
    { key: 'y', label: 'Column', format: 'text' },
    { key: 'side', label: 'Measure', format: 'text' },
    { key: 'value', label: 'Value', format: 'decimal' },
  ],
  async query(context) {
    const other = context.compare;
    if (!other) return [];
    const rows: ChartRow[] = [];
    for (let i = 0; i < COLUMNS.length; i++) {
      for (let j = i + 1; j < COLUMNS.length; j++) {
        const a = COLUMNS[i]!;
        const b = COLUMNS[j]!;
        const mine = await association(context.sql, a.sql, b.sql);
        const theirs = await association(other.sql, a.sql, b.sql);
        const values = [mine, theirs, 1 - Math.abs(mine - theirs)];
        SIDES.forEach((side, k) => {
          rows.push({ x: a.name, y: b.name, side, value: values[k]! });
        });
      }
    }
    return rows;
  },
  spec(rows) {
    const names = COLUMNS.map((column) => column.name);
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      facet: { column: { field: 'side', type: 'nominal', sort: [...SIDES], title: null } },
      spec: {
        width: 170,
        height: 170,
        encoding: {
          x: { field: 'x', type: 'nominal', sort: names, title: null },
          y: { field: 'y', type: 'nominal', sort: names, title: null },
        },
        layer: [
          {
            mark: { type: 'rect' },
            encoding: {
              color: {
                field: 'value',
                type: 'quantitative',
                scale: { scheme: 'viridis', domain: [0, 1] },
                title: 'Value',
              },
            },
          },
          {
            mark: { type: 'text', fontSize: 9 },
            encoding: {
              text: { field: 'value', type: 'quantitative', format: '.2f' },
              color: {
                condition: { test: 'datum.value > 0.6', value: '#000000' },
                value: '#ffffff',
              },
            },
          },
        ],
      },
    };
  },
  reading(rows) {
    const similarity = rows.filter((row) => row.side === 'similarity');
    if (similarity.length === 0) return 'No pairs to compare.';
    const mean =
      similarity.reduce((sum, row) => sum + chartNumber(row.value), 0) / similarity.length;
    const worst = [...similarity].sort((a, b) => chartNumber(a.value) - chartNumber(b.value))[0]!;
    return `Left and middle: Cramér's V of each pair in each dataset; right: similarity 1 − |difference|. Mean similarity ${mean.toFixed(3)} over ${similarity.length} pairs; lowest ${worst.x} × ${worst.y} (${chartNumber(worst.value).toFixed(3)}).`;
  },
};

async function association(sql: SqlSession, x: string, y: string): Promise<number> {
  const counts = await sql.rows(
    `SELECT ${x} AS x, ${y} AS y, count(*) AS n FROM patients GROUP BY ALL`,
  );
  const xs = [...new Set(counts.map((row) => String(row.x)))];
  const ys = [...new Set(counts.map((row) => String(row.y)))];
  const table = xs.map(() => new Array<number>(ys.length).fill(0));
  for (const row of counts) {
    table[xs.indexOf(String(row.x))]![ys.indexOf(String(row.y))]! += chartNumber(row.n);
  }
  const v = cramersV(table);
  return Number.isFinite(v) ? v : 0;
}
