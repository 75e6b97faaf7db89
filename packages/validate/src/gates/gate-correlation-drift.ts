import { AGE_GROUPS, ED_DISPOSITIONS, ED_SUBSERVICES, type Scenario } from '@lm-synth/config/core';
import type { RunMetadata } from '@lm-synth/dims';
import { quoteLiteral } from '@lm-synth/export-arrow';
import { cramersV, pearson } from '@lm-synth/stats';
import { localDateSql } from '../dataset/local-date-sql.js';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import { cramersVStandardError } from '../expectations/cramers-v-standard-error.js';
import type { ReferenceSample } from '../reference/reference-sample.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate, GateContext } from './gate.js';
import { makeCheck } from './make-check.js';

type Pair =
  | {
      readonly name: string;
      readonly table: string;
      readonly kind: 'pearson';
      /** Columns `x` and `y`. */
      readonly sql: string;
      readonly reference: (
        sample: ReferenceSample,
      ) => readonly [ArrayLike<number>, ArrayLike<number>];
    }
  | {
      readonly name: string;
      readonly table: string;
      readonly kind: 'cramers-v';
      readonly x: readonly (string | number)[];
      readonly y: readonly (string | number)[];
      /** Columns `x`, `y` and `n`. */
      readonly sql: string;
      /** Category indices. */
      readonly reference: (
        sample: ReferenceSample,
      ) => readonly [ArrayLike<number>, ArrayLike<number>];
    };

/**
 * The pairs compared: the start-year residents (`resident`, alias p), whom the reference
 * sample stands for, with their encounters and stays of the start year on the local
 * calendar. Their age_group is their age group in the start year (at the reference date).
 */
function pairs(scenario: Scenario, run: RunMetadata, resident: string): Pair[] {
  const { referenceDate, startYear: year } = run;
  const age = `(DATE ${quoteLiteral(referenceDate)} - p.dob) / 365.2425`;
  const encounters = `FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
    WHERE ${resident} AND ${localDateSql('e.arrival_ts', run, 'year')} = ${year}`;
  const stays = `FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
    WHERE ${resident} AND ${localDateSql('s.admit_ts', run, 'year')} = ${year}`;
  const programs = scenario.programs.map((program) => program.id);
  return [
    {
      name: 'patients: age x ed_visits_year (Pearson)',
      table: 'patients',
      kind: 'pearson',
      sql: `SELECT ${age} AS x, p.ed_visits_year AS y FROM patients p WHERE ${resident}`,
      reference: (r) => [r.patients.ageYears, r.patients.edVisits],
    },
    {
      name: 'ed_encounters: age_group x ed_subservice (V)',
      table: 'ed_encounters',
      kind: 'cramers-v',
      x: AGE_GROUPS,
      y: ED_SUBSERVICES,
      sql: `SELECT p.age_group AS x, e.ed_subservice AS y, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => [r.encounters.ageGroup, r.encounters.subservice],
    },
    {
      name: 'ed_encounters: ed_subservice x acuity (V)',
      table: 'ed_encounters',
      kind: 'cramers-v',
      x: ED_SUBSERVICES,
      y: [1, 2, 3, 4, 5],
      sql: `SELECT e.ed_subservice AS x, e.acuity AS y, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => [r.encounters.subservice, r.encounters.acuity.map((level) => level - 1)],
    },
    {
      name: 'ed_encounters: age_group x dispo (V)',
      table: 'ed_encounters',
      kind: 'cramers-v',
      x: AGE_GROUPS,
      y: ED_DISPOSITIONS,
      sql: `SELECT p.age_group AS x, e.dispo AS y, count(*) AS n ${encounters} GROUP BY ALL`,
      reference: (r) => [r.encounters.ageGroup, r.encounters.disposition],
    },
    {
      name: 'ip_stays: age_group x program (V)',
      table: 'ip_stays',
      kind: 'cramers-v',
      x: AGE_GROUPS,
      y: programs,
      sql: `SELECT p.age_group AS x, s.program_id AS y, count(*) AS n ${stays} GROUP BY ALL`,
      reference: (r) => [r.stays.ageGroup, r.stays.program],
    },
    {
      name: 'ip_stays: age x los_days (Pearson)',
      table: 'ip_stays',
      kind: 'pearson',
      sql: `SELECT ${age} AS x, CAST(s.los_days AS DOUBLE) AS y ${stays}`,
      reference: (r) => [r.stays.ageYears, r.stays.losDays],
    },
    {
      name: 'ip_stays: program x alc_flag (V)',
      table: 'ip_stays',
      kind: 'cramers-v',
      x: programs,
      y: [0, 1],
      sql: `SELECT s.program_id AS x, CAST(s.alc_flag AS INTEGER) AS y, count(*) AS n ${stays} GROUP BY ALL`,
      reference: (r) => [r.stays.program, r.stays.alc],
    },
  ];
}

/**
 * Correlation drift against a reference sample drawn from the scenario (blueprint §6, §7):
 * Pearson's r between numeric columns and Cramér's V between categorical ones, each within
 * the correlation threshold of the reference's or, when wider, z standard errors of the
 * difference (normal theory (1-r²)/√(n-1) for r; delta method for V). In an open cohort
 * the dataset side is the start-year residents and their start-year encounters and stays.
 */
export const gateCorrelationDrift: Gate = {
  id: 'correlation-drift',
  category: 'fidelity',
  title: 'Correlations match a reference sample of the scenario',
  tables: ['patients'],
  statistical: true,
  async run(context) {
    const { scenario, run, rowCounts, thresholds } = context;
    const resident = await startResidentSql(context.sql);
    const applicable = pairs(scenario, run, resident).filter((pair) => rowCounts.has(pair.table));
    const reference = await context.referenceSample();
    const { z } = context.significance(applicable.length);
    const checks: CheckResult[] = [];
    for (const pair of applicable) {
      const measured = await measure(context, pair, reference);
      if (!measured) continue;
      const { observed, expected, standardError } = measured;
      checks.push(
        makeCheck(
          `${pair.name}: ${round(observed)} vs ${round(expected)}`,
          Math.abs(observed - expected),
          0,
          Math.max(thresholds.corrThreshold, z * standardError),
          'at-most',
        ),
      );
    }
    return checksOutcome(checks, { z, what: 'correlations' });
  },
};

async function measure(
  { sql }: GateContext,
  pair: Pair,
  reference: ReferenceSample,
): Promise<{ observed: number; expected: number; standardError: number } | null> {
  const [refX, refY] = pair.reference(reference);
  if (pair.kind === 'pearson') {
    const [row] = await sql.rows(`SELECT corr(x, y) AS r, count(*) AS n FROM (${pair.sql})`);
    const n = Number(row?.n ?? 0);
    if (n < 3 || refX.length < 3) return null;
    const observed = finiteOr0(row?.r);
    const expected = finiteOr0(pearson(refX, refY));
    const se = (r: number, size: number) => (1 - r * r) / Math.sqrt(size - 1);
    return {
      observed,
      expected,
      standardError: Math.hypot(se(observed, n), se(expected, refX.length)),
    };
  }
  const xIndex = new Map(pair.x.map((value, i) => [String(value), i]));
  const yIndex = new Map(pair.y.map((value, i) => [String(value), i]));
  const table = pair.x.map(() => new Array<number>(pair.y.length).fill(0));
  for (const row of await sql.rows(pair.sql)) {
    const x = xIndex.get(String(row.x));
    const y = yIndex.get(String(row.y));
    if (x !== undefined && y !== undefined) table[x]![y]! += Number(row.n);
  }
  const referenceTable = pair.x.map(() => new Array<number>(pair.y.length).fill(0));
  for (let i = 0; i < refX.length; i++) referenceTable[refX[i]!]![refY[i]!]! += 1;
  if (table.flat().every((n) => n === 0) || refX.length === 0) return null;
  return {
    observed: finiteOr0(cramersV(table)),
    expected: finiteOr0(cramersV(referenceTable)),
    standardError: Math.hypot(cramersVStandardError(table), cramersVStandardError(referenceTable)),
  };
}

/** An undefined correlation (a constant column) counts as no association. */
function finiteOr0(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
}

function round(value: number): string {
  return value.toFixed(3);
}
