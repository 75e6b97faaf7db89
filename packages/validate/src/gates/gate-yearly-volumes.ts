import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import { localDateSql } from '../dataset/local-date-sql.js';
import type { SqlSession } from '../dataset/sql-session.js';
import { tableColumns } from '../dataset/table-columns.js';
import { drawReferenceSample } from '../reference/draw-reference-sample.js';
import type { ReferenceSample } from '../reference/reference-sample.js';
import type { CheckResult } from '../report/validation-report.js';
import { decisiveScale } from './decisive-scale.js';
import {
  DETECTABLE_DEVIATION,
  detectableOutcome,
  POWER_Z,
  type UndetectableCheck,
} from './detectable-outcome.js';
import type { Gate } from './gate.js';
import { infoOutcome } from './info-outcome.js';
import { makeCheck } from './make-check.js';

/**
 * Reference residents behind the bed-days expectation: the largest reference sample, so
 * its own error stays small beside the dataset's (drawn once per scenario).
 */
const BED_DAY_REFERENCE = 200_000;
const REFERENCE_SEED = 1;
const references = new WeakMap<Scenario, ReturnType<typeof bedDaysPerResident>>();

/** One year's expected total with the variance of its weighted estimate. */
interface Expected {
  mean: number;
  variance: number;
}

/** population_projection by year, as [year] -> cells of (LHA, age, gender, population). */
async function populationByYear(sql: SqlSession, scenario: Scenario) {
  const years = new Map<
    number,
    { lha: number; age: number; gender: number; population: number }[]
  >();
  const rows = await sql.rows(
    'SELECT year, lha_id, age_group, gender, population FROM population_projection',
  );
  for (const row of rows) {
    const lha = Number(row.lha_id) - 1;
    const age = AGE_GROUPS.indexOf(row.age_group as (typeof AGE_GROUPS)[number]);
    const gender = GENDERS.indexOf(row.gender as (typeof GENDERS)[number]);
    if (lha < 0 || lha >= scenario.lhas.length || age < 0 || gender < 0) continue;
    const year = Number(row.year);
    if (!years.has(year)) years.set(year, []);
    years.get(year)!.push({ lha, age, gender, population: Number(row.population) });
  }
  return years;
}

/**
 * Per age group, a resident's expected bed-days of ED and direct admissions in a year
 * and the expected square of them (compound Poisson: sum of LOS² per resident), from the
 * reference sample drawn from the scenario, with the sample's own size for its error.
 */
function bedDaysPerResident(reference: ReferenceSample) {
  const A = AGE_GROUPS.length;
  const residents = new Float64Array(A);
  const sum = new Float64Array(A);
  const squares = new Float64Array(A);
  for (let i = 0; i < reference.patients.count; i++) residents[reference.patients.ageGroup[i]!]!++;
  for (let i = 0; i < reference.stays.count; i++) {
    const age = reference.stays.ageGroup[i]!;
    const los = reference.stays.losDays[i]!;
    sum[age]! += los;
    squares[age]! += los * los;
  }
  return Array.from({ length: A }, (_, a) => ({
    mean: residents[a]! > 0 ? sum[a]! / residents[a]! : 0,
    square: residents[a]! > 0 ? squares[a]! / residents[a]! : 0,
    residents: residents[a]!,
  }));
}

/**
 * Yearly ED visits and bed-days against population x rates (issue 14 item 8), for every
 * encounter year. Observed: events weighted by the patients' `weight` (the residents each
 * stands for), ED visits by arrival year and bed-days (los_days of ED and direct
 * admissions; transfer continuations have their own gates) by admission year, in the
 * scenario's local calendar. ED visits are held to their level: population_projection x
 * the scenario's ED rates by LHA, age group and gender. Bed-days are held to their growth:
 * each later year's must be the start year's x the growth of population x bed-days per
 * resident by age group (from a reference sample of 200,000 drawn from the scenario),
 * since their level also depends on where each site can admit whom, which the inpatient
 * gates check. Variance of a weighted total (w = mean weight): the count model per
 * patient-year, w² (m + m²/k), plus the cohort's sampling — how many patients stand for a
 * cell varies at most like a Poisson count — w² m²; for bed-days the compound Poisson w²
 * E[LOS² per resident] plus w² m², for both years of a growth. The tolerance is the
 * configured relative volume tolerance or z standard errors, whichever is wider; a check
 * is inconclusive when a 10% deviation would stay within it (80% power).
 */
export const gateYearlyVolumes: Gate = {
  id: 'yearly-volumes',
  category: 'fidelity',
  title: 'Yearly ED visits and bed-days follow population x rates',
  tables: ['patients', 'population_projection'],
  statistical: true,
  async run({ sql, scenario, run, rowCounts, thresholds, significance }) {
    if (!(await tableColumns(sql, 'patients')).has('weight')) {
      return infoOutcome(
        'patients carry no weight (a closed-cohort dataset): yearly totals not checked',
      );
    }
    const [weights] = await sql.rows(
      'SELECT sum(weight)::DOUBLE AS total, count(*) AS n FROM patients',
    );
    const weight = Number(weights?.n) > 0 ? Number(weights?.total) / Number(weights?.n) : 0;
    const population = await populationByYear(sql, scenario);
    const model = scenario.ed.countModel;
    const inverseK = model.model === 'negbin' ? 1 / model.dispersion : 0;

    const series: {
      what: string;
      observed: Map<number, number>;
      expected: (year: number) => Expected | null;
    }[] = [];
    if ((rowCounts.get('ed_encounters') ?? 0) > 0) {
      const year = localDateSql('e.arrival_ts', run, 'year');
      const rows = await sql.rows(`SELECT ${year} AS year, sum(p.weight)::DOUBLE AS weighted
        FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id GROUP BY ALL`);
      series.push({
        what: 'ED visits',
        observed: new Map(rows.map((row) => [Number(row.year), Number(row.weighted)])),
        expected: (y) => {
          const total: Expected = { mean: 0, variance: 0 };
          for (const cell of population.get(y) ?? []) {
            const rates = scenario.ed.ratesPer1000[cell.lha]![cell.age]![cell.gender]!;
            const m = rates.reduce((sum, rate) => sum + rate, 0) / 1000;
            total.mean += cell.population * m;
            // population / w patients, each with variance w² (m + m²/k + m²).
            total.variance += cell.population * weight * (m + m * m * (inverseK + 1));
          }
          return total;
        },
      });
    }
    if ((rowCounts.get('ip_stays') ?? 0) > 0) {
      let reference = references.get(scenario);
      if (!reference) {
        reference = bedDaysPerResident(
          drawReferenceSample(scenario, BED_DAY_REFERENCE, scenario.startYear, REFERENCE_SEED),
        );
        references.set(scenario, reference);
      }
      const year = localDateSql('s.admit_ts', run, 'year');
      const rows = await sql.rows(`SELECT ${year} AS year,
          sum(p.weight * CAST(s.los_days AS DOUBLE)) AS weighted
        FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
        WHERE s.admission_source <> 'Transfer' GROUP BY ALL`);
      const observed = new Map(rows.map((row) => [Number(row.year), Number(row.weighted)]));
      // Population x bed-days per resident by age group, and the variance of its weighted estimate.
      const model = (y: number): Expected => {
        const total: Expected = { mean: 0, variance: 0 };
        const byAge = new Float64Array(AGE_GROUPS.length);
        for (const cell of population.get(y) ?? []) byAge[cell.age]! += cell.population;
        byAge.forEach((people, a) => {
          const { mean, square } = reference[a]!;
          total.mean += people * mean;
          total.variance += people * weight * (square + mean * mean);
        });
        return total;
      };
      const start = model(scenario.startYear);
      const startObserved = observed.get(scenario.startYear) ?? 0;
      series.push({
        what: 'bed-days',
        observed,
        expected: (y) => {
          if (y === scenario.startYear || start.mean <= 0 || startObserved <= 0) return null;
          const now = model(y);
          const growth = now.mean / start.mean;
          return {
            mean: startObserved * growth,
            variance: now.variance + growth * growth * start.variance,
          };
        },
      });
    }
    if (series.length === 0) {
      return infoOutcome('no ED encounters or inpatient stays: yearly totals not checked');
    }
    // Encounter years: from the start year to the last year of ED arrivals (of direct
    // admissions without ED data); stays admitted from an ED visit on 31 December spill over.
    const last =
      series[0]?.what === 'ED visits'
        ? Math.max(...series[0].observed.keys())
        : await sql.scalar(
            `SELECT max(${localDateSql('admit_ts', run, 'year')}) FROM ip_stays WHERE admission_source = 'Direct'`,
          );
    const years = [...population.keys()]
      .filter((y) => y >= scenario.startYear && y <= last)
      .sort((a, b) => a - b);

    const { z } = significance(Math.max(1, years.length * series.length));
    const checks: CheckResult[] = [];
    const undetectable: UndetectableCheck[] = [];
    for (const { what, observed, expected } of series) {
      for (const y of years) {
        const target = expected(y);
        if (!target || target.mean <= 0) continue;
        const { mean, variance } = target;
        const sd = Math.sqrt(variance);
        const tolerance = Math.max(thresholds.volumeTolerance * mean, z * sd);
        const key = `${y} ${what}`;
        checks.push(makeCheck(key, observed.get(y) ?? 0, mean, tolerance));
        if (DETECTABLE_DEVIATION * mean < tolerance + POWER_Z * sd) {
          // Weighted totals stay put as patients grow; their sampling error shrinks as 1/sqrt(c).
          const scale = decisiveScale((c) => {
            const error = sd / Math.sqrt(c);
            const bound = Math.max(thresholds.volumeTolerance * mean, z * error);
            return DETECTABLE_DEVIATION * mean >= bound + POWER_Z * error;
          });
          undetectable.push({ key, scale });
        }
      }
    }
    return detectableOutcome(checks, undetectable, {
      z,
      what: 'yearly weighted totals',
      patients: run.patients,
      extra: { years: years.length, meanWeight: Math.round(weight * 10_000) / 10_000 },
    });
  },
};
