import {
  ADMISSION_SOURCES,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  type Scenario,
} from '@lm-synth/config/core';
import type { RunMetadata } from '@lm-synth/dims';
import { quoteLiteral } from '@lm-synth/export-arrow';
import { ksTwoSample, totalVariationDistance } from '@lm-synth/stats';
import { localDateSql } from '../dataset/local-date-sql.js';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import { ksCriticalValue } from '../expectations/ks-critical-value.js';
import { tvdCriticalValue } from '../expectations/tvd-critical-value.js';
import type { ReferenceSample } from '../reference/reference-sample.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate, GateContext } from './gate.js';
import { makeCheck } from './make-check.js';

type Shape =
  | {
      readonly column: string;
      readonly table: string;
      readonly kind: 'continuous';
      /** One DOUBLE column. */
      readonly sql: string;
      readonly reference: (sample: ReferenceSample) => Float64Array;
    }
  | {
      readonly column: string;
      readonly table: string;
      readonly kind: 'categorical';
      readonly categories: readonly (string | number)[];
      /** Columns `value` and `n`. */
      readonly sql: string;
      /** Indices into `categories`. */
      readonly reference: (sample: ReferenceSample) => ArrayLike<number>;
    };

const MAX_VISITS_BIN = 10;

/**
 * The shapes compared. `resident` selects the start-year residents (alias p), whom the
 * reference sample stands for; their encounters and stays of the start year are read on
 * the local calendar and clock of the dataset's zone, where the profiles apply.
 */
function shapes(scenario: Scenario, run: RunMetadata, resident: string): Shape[] {
  const { referenceDate, startYear: year } = run;
  const patients = `FROM patients p WHERE ${resident}`;
  const encounters = `FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
    WHERE ${resident} AND ${localDateSql('e.arrival_ts', run, 'year')} = ${year}`;
  const stays = `FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
    WHERE ${resident} AND ${localDateSql('s.admit_ts', run, 'year')} = ${year}`;
  const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);
  return [
    {
      column: 'patients.age (from dob)',
      table: 'patients',
      kind: 'continuous',
      sql: `SELECT (DATE ${quoteLiteral(referenceDate)} - p.dob) / 365.2425 ${patients}`,
      reference: (r) => r.patients.ageYears,
    },
    {
      column: 'patients.ed_visits_year',
      table: 'patients',
      kind: 'categorical',
      categories: range(MAX_VISITS_BIN + 1),
      sql: `SELECT least(p.ed_visits_year, ${MAX_VISITS_BIN}) AS value, count(*) AS n ${patients} GROUP BY ALL`,
      reference: (r) => r.patients.edVisits.map((v) => Math.min(v, MAX_VISITS_BIN)),
    },
    {
      column: 'patients.facility_home_id',
      table: 'patients',
      kind: 'categorical',
      categories: scenario.sites.map((site) => site.id),
      sql: `SELECT p.facility_home_id AS value, count(*) AS n ${patients} GROUP BY ALL`,
      reference: (r) => r.patients.homeSite,
    },
    {
      column: 'ed_encounters.ed_subservice',
      table: 'ed_encounters',
      kind: 'categorical',
      categories: ED_SUBSERVICES,
      sql: `SELECT e.ed_subservice AS value, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => r.encounters.subservice,
    },
    {
      column: 'ed_encounters.acuity',
      table: 'ed_encounters',
      kind: 'categorical',
      categories: range(5, 1),
      sql: `SELECT e.acuity AS value, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => r.encounters.acuity.map((level) => level - 1),
    },
    {
      column: 'ed_encounters.dispo',
      table: 'ed_encounters',
      kind: 'categorical',
      categories: ED_DISPOSITIONS,
      sql: `SELECT e.dispo AS value, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => r.encounters.disposition,
    },
    {
      column: 'ed_encounters.arrival_ts (hour)',
      table: 'ed_encounters',
      kind: 'categorical',
      categories: range(24),
      sql: `SELECT ${localDateSql('e.arrival_ts', run, 'hour')} AS value, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => r.encounters.hour,
    },
    {
      column: 'ed_encounters.arrival_ts (weekday)',
      table: 'ed_encounters',
      kind: 'categorical',
      categories: range(7),
      sql: `SELECT ${localDateSql('e.arrival_ts', run, 'weekday')} AS value, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => r.encounters.weekday,
    },
    {
      column: 'ip_stays.los_days',
      table: 'ip_stays',
      kind: 'continuous',
      sql: `SELECT CAST(s.los_days AS DOUBLE) ${stays}`,
      reference: (r) => r.stays.losDays,
    },
    {
      column: 'ip_stays.program_id',
      table: 'ip_stays',
      kind: 'categorical',
      categories: scenario.programs.map((program) => program.id),
      sql: `SELECT s.program_id AS value, count(*) AS n ${stays} GROUP BY ALL`,
      reference: (r) => r.stays.program,
    },
    {
      column: 'ip_stays.alc_flag',
      table: 'ip_stays',
      kind: 'categorical',
      categories: [0, 1],
      sql: `SELECT CAST(s.alc_flag AS INTEGER) AS value, count(*) AS n ${stays} GROUP BY ALL`,
      reference: (r) => r.stays.alc,
    },
    {
      column: 'ip_stays.admission_source',
      table: 'ip_stays',
      kind: 'categorical',
      categories: ADMISSION_SOURCES,
      sql: `SELECT s.admission_source AS value, count(*) AS n ${stays} GROUP BY ALL`,
      reference: (r) => r.stays.source,
    },
  ];
}

/**
 * Column shapes against a reference sample drawn from the scenario (blueprint §7,
 * sdmetrics-style): the two-sample Kolmogorov–Smirnov distance for continuous columns and
 * the total variation distance for categorical ones, each within the KS threshold or, when
 * wider, the distance chance allows between two samples of these sizes. In an open cohort
 * the dataset side is the start-year residents (the population the reference is drawn
 * from) and their start-year encounters and stays. Residents who die or leave during the
 * start year lose the rest of its visits, which the reference (a full year each) does not
 * model: with the defaults 3.3% of residents exit in the start year, half-way through on
 * average (seed 11, 50,000 patients), so at most 3.3% of patients can show fewer visits
 * than a full year's - a TVD of visits per patient below 0.033, against the threshold of
 * 0.1 (and ~1.7% fewer visits, which moves no per-visit share).
 */
export const gateColumnShapes: Gate = {
  id: 'column-shapes',
  category: 'fidelity',
  title: 'Column shapes match a reference sample of the scenario',
  tables: ['patients'],
  statistical: true,
  async run(context) {
    const { scenario, run, rowCounts, thresholds } = context;
    const resident = await startResidentSql(context.sql);
    const applicable = shapes(scenario, run, resident).filter((shape) =>
      rowCounts.has(shape.table),
    );
    const reference = await context.referenceSample();
    const { tail, z } = context.significance(applicable.length, 1);
    const checks: CheckResult[] = [];
    for (const shape of applicable) {
      const check = await compareShape(context, shape, reference, tail, thresholds.ksThreshold);
      if (check) checks.push(check);
    }
    return checksOutcome(checks, {
      z,
      what: 'column shapes',
      extra: { referencePatients: reference.patients.count },
    });
  },
};

async function compareShape(
  { sql }: GateContext,
  shape: Shape,
  reference: ReferenceSample,
  alpha: number,
  threshold: number,
): Promise<CheckResult | null> {
  const label = `${shape.column} (${shape.kind === 'continuous' ? 'KS' : 'TVD'})`;
  if (shape.kind === 'continuous') {
    const observed = await sql.numbers(shape.sql);
    const expected = shape.reference(reference);
    if (observed.length === 0 || expected.length === 0) return null;
    const { statistic } = ksTwoSample(observed, expected);
    const critical = ksCriticalValue(observed.length, expected.length, alpha);
    return makeCheck(label, statistic, 0, Math.max(threshold, critical), 'at-most');
  }
  const index = new Map(shape.categories.map((category, i) => [String(category), i]));
  // The last bin holds values outside the categories (including NULL).
  const observed = new Float64Array(shape.categories.length + 1);
  for (const row of await sql.rows(shape.sql)) {
    const i = index.get(String(row.value)) ?? shape.categories.length;
    observed[i]! += Number(row.n);
  }
  const expected = new Float64Array(shape.categories.length + 1);
  const codes = shape.reference(reference);
  for (let i = 0; i < codes.length; i++) expected[codes[i]!]! += 1;
  const n = observed.reduce((sum, count) => sum + count, 0);
  const m = codes.length;
  if (n === 0 || m === 0) return null;
  const pooled = Array.from(observed, (count, i) => (count + expected[i]!) / (n + m));
  const distance = totalVariationDistance(observed, expected);
  const critical = tvdCriticalValue(pooled, n, m, alpha);
  return makeCheck(label, distance, 0, Math.max(threshold, critical), 'at-most');
}
