import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import { poissonDistribution } from '@lm-synth/stats';
import { localDateSql } from '../dataset/local-date-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import type { PopulationFlows } from '../expectations/population-flows.js';
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

const FLOWS = [
  { name: 'births', column: 'entry', reason: 'Birth' },
  { name: 'in-migrants', column: 'entry', reason: 'In-migration' },
  { name: 'deaths', column: 'exit', reason: 'Death' },
  { name: 'out-migrants', column: 'exit', reason: 'Out-migration' },
] as const;

/**
 * The cohort-balance gate over `flowsOf`, the scenario's projected flows (issue 14 item
 * 8): per year with encounters and over all of them, the patients who enter (births,
 * in-migrants: entry_reason and the local year of entry_date) and leave (deaths,
 * out-migrants: exit_reason, exit_date) against the projection's flows x the sampling
 * fraction (1 / the patients' mean weight): births and in-migrants as projected, deaths
 * and out-migrants as population_projection x the yearly rates. A sampled flow is a
 * Poisson count; its tolerance is the exact Poisson central interval or the configured
 * relative volume tolerance, if wider. A year's flow is rarely large enough to show a 10% error,
 * so the gate is inconclusive only when a whole-horizon total is; per-year checks still
 * fail it.
 */
export function cohortBalanceGate(
  flowsOf: (scenario: Scenario) => PopulationFlows | undefined,
): Gate {
  return {
    id: 'cohort-balance',
    category: 'fidelity',
    title: 'Cohort entries and exits follow the projected flows',
    tables: ['patients', 'population_projection'],
    statistical: true,
    async run({ sql, scenario, run, rowCounts, thresholds, significance }) {
      const flows = flowsOf(scenario);
      if (!flows)
        return infoOutcome('no cohort-component flows in this build: cohort balance not checked');
      const columns = await tableColumns(sql, 'patients');
      if (
        !['weight', 'entry_date', 'entry_reason', 'exit_date', 'exit_reason'].every((c) =>
          columns.has(c),
        )
      )
        return infoOutcome(
          'patients carry no entry and exit (a closed cohort): cohort balance not checked',
        );

      const [weights] = await sql.rows('SELECT avg(CAST(weight AS DOUBLE)) AS w FROM patients');
      const fraction = Number(weights?.w) > 0 ? 1 / Number(weights?.w) : 0;
      const populationRows = await sql.rows(
        'SELECT year, lha_id, age_group, gender, population FROM population_projection',
      );
      // Observed: patients entering or leaving per flow and local year.
      const observed = new Map<string, number>();
      for (const flow of FLOWS) {
        // Dates are local calendar days already: their year is the local year.
        const rows = await sql.rows(`SELECT year(${flow.column}_date) AS year, count(*) AS n
          FROM patients WHERE ${flow.column}_reason = '${flow.reason}' GROUP BY ALL`);
        for (const row of rows) observed.set(`${flow.name}/${row.year}`, Number(row.n));
      }
      const years = Array.from({ length: flows.births.length }, (_, y) => scenario.startYear + y);
      const expected = new Map<string, number>();
      const add = (key: string, value: number) =>
        expected.set(key, (expected.get(key) ?? 0) + value);
      years.forEach((year, y) => {
        flows.births[y]?.forEach((byGender) => {
          for (const births of byGender) add(`births/${year}`, births * fraction);
        });
        flows.inMigrants[y]?.forEach((byAge) => {
          for (const byGender of byAge)
            for (const n of byGender) add(`in-migrants/${year}`, n * fraction);
        });
      });
      for (const row of populationRows) {
        const y = Number(row.year) - scenario.startYear;
        const lha = Number(row.lha_id) - 1;
        const age = AGE_GROUPS.indexOf(row.age_group as (typeof AGE_GROUPS)[number]);
        const gender = GENDERS.indexOf(row.gender as (typeof GENDERS)[number]);
        if (y < 0 || y >= years.length || lha < 0 || age < 0 || gender < 0) continue;
        const residents = Number(row.population) * fraction;
        add(`deaths/${row.year}`, residents * (flows.deathRate[y]?.[lha]?.[age]?.[gender] ?? 0));
        add(
          `out-migrants/${row.year}`,
          residents * (flows.outMigrationRate[y]?.[lha]?.[age]?.[gender] ?? 0),
        );
      }
      // Years with encounters (all projection years without ED data).
      const last =
        (rowCounts.get('ed_encounters') ?? 0) > 0
          ? await sql.scalar(
              `SELECT max(${localDateSql('arrival_ts', run, 'year')}) FROM ed_encounters`,
            )
          : years[years.length - 1]!;
      const covered = years.filter((year) => year <= last);
      if (covered.length === 0) return infoOutcome('no years to check');

      const { tail, z } = significance((covered.length + 1) * FLOWS.length);
      const checks: CheckResult[] = [];
      const undetectable: UndetectableCheck[] = [];
      const check = (key: string, count: number, mean: number, total: boolean) => {
        if (mean <= 0) {
          checks.push(makeCheck(key, count, 0, 0));
          return;
        }
        const tolerance = countTolerance(
          count,
          mean,
          thresholds.volumeTolerance * mean,
          poissonDistribution(mean),
          tail,
        );
        checks.push(makeCheck(key, count, mean, tolerance));
        const sd = Math.sqrt(mean);
        if (total && Math.max(tolerance, z * sd) + POWER_Z * sd > DETECTABLE_DEVIATION * mean) {
          // Poisson flows: the mean grows with the patients, its error as the square root.
          const scale = decisiveScale((c) => {
            const error = Math.sqrt(mean * c);
            const bound = Math.max(thresholds.volumeTolerance * mean * c, z * error);
            return DETECTABLE_DEVIATION * mean * c >= bound + POWER_Z * error;
          });
          undetectable.push({ key, scale });
        }
      };
      for (const flow of FLOWS) {
        let count = 0;
        let mean = 0;
        for (const year of covered) {
          const key = `${flow.name}/${year}`;
          check(`${year} ${flow.name}`, observed.get(key) ?? 0, expected.get(key) ?? 0, false);
          count += observed.get(key) ?? 0;
          mean += expected.get(key) ?? 0;
        }
        check(`${covered[0]}-${covered[covered.length - 1]} ${flow.name}`, count, mean, true);
      }
      return detectableOutcome(checks, undetectable, {
        z,
        what: 'yearly and total cohort flows',
        patients: run.patients,
        extra: { samplingFraction: fraction },
      });
    },
  };
}
