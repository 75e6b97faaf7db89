import { quoteLiteral as sqlLiteral } from '@lm-synth/export-arrow';
import { ksTwoSample, totalVariationDistance } from '@lm-synth/stats';
import type { SqlSession } from '../../dataset/sql-session.js';
import { chartNumber } from '../chart-number.js';
import type { ChartDataset, ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

interface Shape {
  readonly column: string;
  readonly table: string;
  readonly kind: 'KS' | 'TVD';
  /** KS: one DOUBLE column; TVD: columns value and n. */
  sql(side: ChartDataset): string;
}

// One entry per column compared: a new column of the dataset is one more line here.
const SHAPES: readonly Shape[] = [
  {
    column: 'patients.age',
    table: 'patients',
    kind: 'KS',
    sql: ({ run }) =>
      `SELECT (DATE ${sqlLiteral(run.referenceDate)} - dob) / 365.2425 FROM patients`,
  },
  ...['age_group', 'gender', 'lha_id', 'facility_home_id', 'primary_ed_subservice'].map(
    (column): Shape => ({
      column: `patients.${column}`,
      table: 'patients',
      kind: 'TVD',
      sql: () =>
        `SELECT CAST(${column} AS VARCHAR) AS value, count(*) AS n FROM patients GROUP BY ALL`,
    }),
  ),
  {
    column: 'patients.ed_visits_year',
    table: 'patients',
    kind: 'TVD',
    sql: () =>
      'SELECT least(ed_visits_year, 10) AS value, count(*) AS n FROM patients GROUP BY ALL',
  },
  ...['ed_subservice', 'acuity', 'dispo', 'facility_id'].map(
    (column): Shape => ({
      column: `ed_encounters.${column}`,
      table: 'ed_encounters',
      kind: 'TVD',
      sql: () =>
        `SELECT CAST(${column} AS VARCHAR) AS value, count(*) AS n FROM ed_encounters GROUP BY ALL`,
    }),
  ),
  ...['program_id', 'admission_source', 'alc_flag', 'facility_id'].map(
    (column): Shape => ({
      column: `ip_stays.${column}`,
      table: 'ip_stays',
      kind: 'TVD',
      sql: () =>
        `SELECT CAST(${column} AS VARCHAR) AS value, count(*) AS n FROM ip_stays GROUP BY ALL`,
    }),
  ),
  {
    column: 'ip_stays.los_days',
    table: 'ip_stays',
    kind: 'KS',
    sql: () => 'SELECT CAST(los_days AS DOUBLE) FROM ip_stays',
  },
];

/**
 * Column shapes (as SDMetrics scores them): for each column, 1 − the KS distance
 * (continuous) or 1 − the total variation distance (categorical) between this dataset and
 * the other; 1 means the same distribution.
 */
export const compareColumnShapes: ReportChart = {
  id: 'compare-column-shapes',
  section: 'compare',
  title: 'Column shapes: similarity of each column to the other dataset',
  tables: ['patients'],
  compare: true,
  columns: [
    { key: 'column', label: 'Column', format: 'text' },
    { key: 'metric', label: 'Distance', format: 'text' },
    { key: 'distance', label: 'Distance value', format: 'decimal' },
    { key: 'score', label: 'Score (1 − distance)', format: 'decimal' },
  ],
  async query(context) {
    const other = context.compare;
    if (!other) return [];
    const rows: ChartRow[] = [];
    for (const shape of SHAPES) {
      if (!context.rowCounts.has(shape.table) || !other.rowCounts.has(shape.table)) continue;
      const distance =
        shape.kind === 'KS'
          ? ksTwoSample(
              await context.sql.numbers(shape.sql(context)),
              await other.sql.numbers(shape.sql(other)),
            ).statistic
          : await tvd(context.sql, shape.sql(context), other.sql, shape.sql(other));
      rows.push({ column: shape.column, metric: shape.kind, distance, score: 1 - distance });
    }
    return rows;
  },
  spec(rows) {
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      width: 560,
      height: { step: 16 },
      mark: { type: 'bar', color: '#0072B2' },
      encoding: {
        y: { field: 'column', type: 'nominal', sort: null, title: null },
        x: {
          field: 'score',
          type: 'quantitative',
          title: 'Score (1 = same distribution)',
          scale: { domain: [0, 1] },
        },
      },
    };
  },
  reading(rows) {
    if (rows.length === 0) return 'No columns to compare.';
    const mean = rows.reduce((sum, row) => sum + chartNumber(row.score), 0) / rows.length;
    const worst = [...rows].sort((a, b) => chartNumber(a.score) - chartNumber(b.score))[0]!;
    return `Mean column-shape score ${mean.toFixed(3)} over ${rows.length} columns; lowest ${worst.column} (${chartNumber(worst.score).toFixed(3)}, ${worst.metric} ${formatPercent(chartNumber(worst.distance))}).`;
  },
};

async function tvd(a: SqlSession, aSql: string, b: SqlSession, bSql: string): Promise<number> {
  const [left, right] = [await a.rows(aSql), await b.rows(bSql)];
  const values = [...new Set([...left, ...right].map((row) => String(row.value)))];
  const counts = (rows: typeof left) =>
    values.map((value) =>
      rows
        .filter((row) => String(row.value) === value)
        .reduce((sum, row) => sum + chartNumber(row.n), 0),
    );
  return totalVariationDistance(counts(left), counts(right));
}
