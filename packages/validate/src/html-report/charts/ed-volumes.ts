import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { chartNumber } from '../chart-number.js';
import type { ReportChart } from '../chart-types.js';
import { startYearSql } from '../start-year-sql.js';

/** 95% two-sided normal quantile. */
const Z95 = 1.959964;

/**
 * Start-year ED visits by facility x subservice, weighted (each patient stands for `weight`
 * residents), with a 95% interval, against the routed projection (v_ed_volume_projection_routed:
 * population x base rates, spread over the facilities by the scenario's routing). The
 * interval's standard error is √Σ(w·x)² over patients' counts x: patients' counts are
 * independent, and Σ(w·x)² estimates Σw²E[x²] ≥ the variance, so the bar errs wide.
 */
export const edVolumes: ReportChart = {
  id: 'ed-volumes',
  section: 'ed',
  title: 'ED visits by facility and subservice against the projection, start year',
  tables: [
    'ed_encounters',
    'patients',
    'dim_site',
    'population_projection',
    'ed_baseline_rates',
    'ed_routing',
  ],
  columns: [
    { key: 'facility', label: 'Facility', format: 'text' },
    { key: 'ed_subservice', label: 'Subservice', format: 'text' },
    { key: 'visits', label: 'Visits in the sample', format: 'integer' },
    { key: 'observed', label: 'Weighted visits', format: 'integer' },
    { key: 'low', label: '95% low', format: 'integer' },
    { key: 'high', label: '95% high', format: 'integer' },
    { key: 'expected', label: 'Projected (routed)', format: 'integer' },
  ],
  async query(context) {
    const { sql, run } = context;
    return sql.rows(`
      WITH per_patient AS (
        SELECT e.facility_id, CAST(e.ed_subservice AS VARCHAR) AS ed_subservice, e.patient_id,
          count(*) AS n, CAST(any_value(p.weight) AS DOUBLE) AS w
        FROM report_ed e JOIN patients p ON p.patient_id = e.patient_id
        WHERE ${startYearSql('e.arrival_local', context)}
        GROUP BY ALL),
      observed AS (
        SELECT s.site_code AS facility, ed_subservice, sum(n) AS visits, sum(w * n) AS observed,
          sqrt(sum(w * w * n * n)) AS se
        FROM per_patient JOIN dim_site s ON s.site_id = per_patient.facility_id GROUP BY ALL),
      expected AS (
        SELECT facility, CAST(ed_subservice AS VARCHAR) AS ed_subservice,
          CAST(projected_volumes AS DOUBLE) AS expected
        FROM v_ed_volume_projection_routed WHERE year = ${run.startYear})
      SELECT coalesce(o.facility, x.facility) AS facility,
        coalesce(o.ed_subservice, x.ed_subservice) AS ed_subservice,
        coalesce(o.visits, 0) AS visits, coalesce(o.observed, 0) AS observed,
        greatest(0, coalesce(o.observed - ${Z95} * o.se, 0)) AS low,
        coalesce(o.observed + ${Z95} * o.se, 0) AS high, x.expected
      FROM observed o FULL JOIN expected x
        ON o.facility = x.facility AND o.ed_subservice = x.ed_subservice
      ORDER BY facility, ed_subservice`);
  },
  spec(rows) {
    const sub = { field: 'ed_subservice', type: 'nominal', sort: [...ED_SUBSERVICES] } as const;
    return {
      data: { values: rows.map((row) => ({ ...row })) },
      width: 640,
      height: { step: 10 },
      encoding: {
        y: { field: 'facility', type: 'nominal', title: 'Facility' },
        yOffset: sub,
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: {
              field: 'observed',
              type: 'quantitative',
              title: 'Visits in the start year (weighted)',
              axis: { format: '~s' },
            },
            color: { ...sub, title: 'Subservice' },
          },
        },
        {
          mark: { type: 'rule', color: '#000000' },
          encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          mark: { type: 'point', shape: 'diamond', filled: true, color: '#000000', size: 30 },
          encoding: { x: { field: 'expected', type: 'quantitative' } },
        },
      ],
    };
  },
  reading(rows) {
    const covered = rows.filter((row) => row.expected !== null && chartNumber(row.expected) > 0);
    const inside = covered.filter(
      (row) =>
        chartNumber(row.low) <= chartNumber(row.expected) &&
        chartNumber(row.expected) <= chartNumber(row.high),
    ).length;
    const observed = rows.reduce((sum, row) => sum + chartNumber(row.observed), 0);
    const expected = rows.reduce((sum, row) => sum + chartNumber(row.expected), 0);
    return `Bars: weighted visits with 95% intervals (black lines); diamonds: the routed projection. ${inside} of ${covered.length} projected volumes fall inside the interval; total ${Math.round(observed).toLocaleString('en-US')} visits against ${Math.round(expected).toLocaleString('en-US')} projected.`;
  },
};
