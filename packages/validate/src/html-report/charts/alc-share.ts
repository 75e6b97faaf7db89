import { AGE_GROUPS } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';
import { startYearSql } from '../start-year-sql.js';

/**
 * Share of start-year stays flagged ALC per program, against the scenario's ALC
 * probabilities averaged over the stays' age groups (patients.age_group: the start-year
 * age group).
 */
export const alcShare: ReportChart = {
  id: 'alc-share',
  section: 'inpatient',
  title: 'Share of stays that are ALC (alternate level of care) per program, start year',
  tables: ['ip_stays', 'patients'],
  columns: [
    { key: 'program', label: 'Program', format: 'text' },
    { key: 'stays', label: 'Stays', format: 'integer' },
    { key: 'alc_stays', label: 'ALC stays', format: 'integer' },
    { key: 'share', label: 'ALC share', format: 'percent' },
    { key: 'expected_share', label: 'Configured share', format: 'percent' },
  ],
  async query(context) {
    const { sql, scenario } = context;
    const counts = await sql.rows(`
      SELECT s.program_id, CAST(p.age_group AS VARCHAR) AS age_group, count(*) AS stays,
        count(*) FILTER (WHERE s.alc_flag) AS alc_stays
      FROM report_stays s JOIN patients p ON p.patient_id = s.patient_id
      WHERE ${startYearSql('s.admit_local', context)}
      GROUP BY ALL`);
    const rows: ChartRow[] = [];
    for (const [p, program] of scenario.programs.entries()) {
      const mine = counts.filter((row) => chartNumber(row.program_id) === program.id);
      const stays = mine.reduce((sum, row) => sum + chartNumber(row.stays), 0);
      const alc = mine.reduce((sum, row) => sum + chartNumber(row.alc_stays), 0);
      const expected = mine.reduce((sum, row) => {
        const a = AGE_GROUPS.indexOf(row.age_group as (typeof AGE_GROUPS)[number]);
        return sum + chartNumber(row.stays) * (scenario.inpatient.alcProbability[a]?.[p] ?? 0);
      }, 0);
      rows.push({
        program: program.name,
        stays,
        alc_stays: alc,
        share: stays > 0 ? alc / stays : null,
        expected_share: stays > 0 ? expected / stays : null,
      });
    }
    return rows;
  },
  spec(rows) {
    return {
      // Sorted here: a layered sort by x would union two domains.
      data: {
        values: [...rows]
          .sort((a, b) => chartNumber(b.share) - chartNumber(a.share))
          .map((row) => ({ ...row })),
      },
      width: 640,
      height: { step: 18 },
      encoding: { y: { field: 'program', type: 'nominal', sort: null, title: 'Program' } },
      layer: [
        {
          mark: { type: 'bar', color: '#CC79A7' },
          encoding: {
            x: {
              field: 'share',
              type: 'quantitative',
              title: 'ALC share of stays',
              axis: { format: '.0%' },
            },
          },
        },
        {
          mark: { type: 'tick', color: '#000000', thickness: 2, size: 14 },
          encoding: { x: { field: 'expected_share', type: 'quantitative' } },
        },
      ],
    };
  },
  reading(rows) {
    const stays = rows.reduce((sum, row) => sum + chartNumber(row.stays), 0);
    const alc = rows.reduce((sum, row) => sum + chartNumber(row.alc_stays), 0);
    const expected = rows.reduce(
      (sum, row) => sum + chartNumber(row.expected_share) * chartNumber(row.stays),
      0,
    );
    if (stays === 0) return 'No start-year stays.';
    return `Bars: observed ALC shares; black ticks: configured. Overall ${formatPercent(alc / stays)} of ${stays.toLocaleString('en-US')} start-year stays are ALC against ${formatPercent(expected / stays)} configured.`;
  },
};
