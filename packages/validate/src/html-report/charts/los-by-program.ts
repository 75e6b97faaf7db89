import { standardNormalCdf } from '@lm-synth/stats';
import { tableColumns } from '../../dataset/table-columns.js';
import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/** Edges of the LOS bands in days; the last band is open. */
const EDGES = [0.25, 1, 2, 3, 5, 7, 10, 14, 21, 30, 60];
/** The generator truncates LOS to [0.25, the largest DECIMAL(6,2)]. */
const MIN_LOS = 0.25;
const MAX_LOS = 9999.99;

const bandLabel = (i: number) =>
  i + 1 < EDGES.length ? `${EDGES[i]}–${EDGES[i + 1]}` : `${EDGES[i]}+`;

/**
 * Acute LOS per program in bands (los_days less alc_days: ALC days have their own chart), as
 * shares of the program's stays, against the configured distribution: each subprogram's
 * truncated lognormal, its median moved by the program's factor per decade of the patient's
 * age at admission, mixed by the observed stays. Stays admitted from the start year on (the
 * warm-up year's stays were chosen for lasting past the start). A dataset written before
 * alc_days existed compares los_days.
 */
export const losByProgram: ReportChart = {
  id: 'los-by-program',
  section: 'inpatient',
  title: 'Length of stay (acute days) per program against the configured distribution',
  tables: ['ip_stays', 'patients'],
  columns: [
    { key: 'program', label: 'Program', format: 'text' },
    { key: 'band', label: 'Acute days', format: 'text' },
    { key: 'stays', label: 'Stays', format: 'integer' },
    { key: 'share', label: 'Share', format: 'percent' },
    { key: 'expected_share', label: 'Configured share', format: 'percent' },
  ],
  async query({ sql, run, scenario }) {
    const hasAlcDays = (await tableColumns(sql, 'ip_stays')).has('alc_days');
    const acute = hasAlcDays
      ? 'CAST(s.los_days AS DOUBLE) - coalesce(CAST(s.alc_days AS DOUBLE), 0)'
      : 'CAST(s.los_days AS DOUBLE)';
    const band = `CASE ${EDGES.slice(1)
      .map((edge, i) => `WHEN ${acute} < ${edge} THEN ${i}`)
      .join(' ')} ELSE ${EDGES.length - 1} END`;
    const counts = await sql.rows(`
      SELECT s.program_id, s.subprogram_id, ${band} AS band,
        least(100, greatest(0, floor(date_diff('day', p.dob, CAST(s.admit_local AS DATE)) / 365.2425))) AS age,
        count(*) AS stays
      FROM report_stays s JOIN patients p ON p.patient_id = s.patient_id
      WHERE year(s.admit_local) >= ${run.startYear}
      GROUP BY ALL`);
    const { los, losReferenceAge, losAgeFactorPerDecade } = scenario.inpatient;
    const rows: ChartRow[] = [];
    for (const [p, program] of scenario.programs.entries()) {
      const mine = counts.filter((row) => chartNumber(row.program_id) === program.id);
      const total = mine.reduce((sum, row) => sum + chartNumber(row.stays), 0);
      if (total === 0) continue;
      const perDecade = Math.log(losAgeFactorPerDecade?.[p] ?? 1) / 10;
      const expected = new Array<number>(EDGES.length).fill(0);
      for (const row of mine) {
        const parameters = los[p]?.[chartNumber(row.subprogram_id) - 1];
        if (!parameters) continue;
        const mu = parameters.mu + perDecade * (chartNumber(row.age) - (losReferenceAge ?? 0));
        const cdf = (x: number) => standardNormalCdf((Math.log(x) - mu) / parameters.sigma);
        const mass = cdf(MAX_LOS) - cdf(MIN_LOS);
        for (let i = 0; i < EDGES.length; i++) {
          const high = i + 1 < EDGES.length ? EDGES[i + 1]! : MAX_LOS;
          expected[i]! += (chartNumber(row.stays) * (cdf(high) - cdf(EDGES[i]!))) / mass / total;
        }
      }
      for (let i = 0; i < EDGES.length; i++) {
        const stays = mine
          .filter((row) => chartNumber(row.band) === i)
          .reduce((sum, row) => sum + chartNumber(row.stays), 0);
        rows.push({
          program: program.name,
          band: bandLabel(i),
          stays,
          share: stays / total,
          expected_share: expected[i]!,
        });
      }
    }
    return rows;
  },
  spec(rows) {
    const programs = [...new Set(rows.map((row) => String(row.program)))];
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      facet: { field: 'program', type: 'nominal', sort: programs, title: null },
      columns: 4,
      spec: {
        width: 190,
        height: 110,
        encoding: {
          x: {
            field: 'band',
            type: 'ordinal',
            sort: EDGES.map((_, i) => bandLabel(i)),
            title: 'Acute days',
          },
        },
        layer: [
          {
            mark: { type: 'bar', color: '#0072B2' },
            encoding: {
              y: {
                field: 'share',
                type: 'quantitative',
                title: 'Share of stays',
                axis: { format: '.0%' },
              },
            },
          },
          {
            mark: {
              type: 'line',
              color: '#E69F00',
              strokeWidth: 2,
              point: { color: '#E69F00', size: 10 },
            },
            encoding: { y: { field: 'expected_share', type: 'quantitative' } },
          },
        ],
      },
    };
  },
  reading(rows) {
    const programs = new Set(rows.map((row) => row.program)).size;
    const worst = [...rows].sort(
      (a, b) =>
        Math.abs(chartNumber(b.share) - chartNumber(b.expected_share)) -
        Math.abs(chartNumber(a.share) - chartNumber(a.expected_share)),
    )[0];
    if (!worst) return 'No stays admitted from the start year on.';
    return `Blue bars: observed shares of each program's stays by acute days; orange line: the configured truncated lognormal of each subprogram at the patients' ages. ${programs} programs; largest gap ${worst.program} ${worst.band} days: ${formatPercent(chartNumber(worst.share))} against ${formatPercent(chartNumber(worst.expected_share))}.`;
  },
};
