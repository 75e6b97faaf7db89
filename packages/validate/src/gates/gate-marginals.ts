import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import { binomialQuantiles } from '../expectations/binomial-quantiles.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import { populationCells } from '../expectations/population-cells.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/**
 * Patients per LHA x age group x gender against the scenario's start-year population
 * shares (blueprint §7). Each cell may deviate by the configured marginal tolerance
 * (relative) or, when wider, by the sampling error of a multinomial draw of this many
 * patients: the cell's exact binomial central interval. A generator that apportions
 * exactly sits well inside both. In an open cohort the residents of 1 January of the start
 * year are the sample of the start-year population; entrants (births, in-migrants) follow
 * the projection's flows, which cohort-balance checks.
 */
export const gateMarginals: Gate = {
  id: 'marginals',
  category: 'fidelity',
  title: 'Patients by LHA x age group x gender match the population',
  tables: ['patients'],
  statistical: true,
  async run({ sql, scenario, thresholds, significance }) {
    const rows = await sql.rows(
      `SELECT lha_id, age_group, gender, count(*) AS n FROM patients p
       WHERE ${await startResidentSql(sql)} GROUP BY ALL`,
    );
    const observed = new Map<string, number>();
    let total = 0;
    for (const row of rows) {
      observed.set(`${row.lha_id}|${row.age_group}|${row.gender}`, Number(row.n));
      total += Number(row.n);
    }
    const cells = populationCells(scenario);
    const population = cells.reduce((sum, cell) => sum + cell.population, 0);
    const { tail, z } = significance(cells.length + 1);
    const checks: CheckResult[] = [];
    for (const cell of cells) {
      const lha = scenario.lhas[cell.lhaIndex]!;
      const ageGroup = AGE_GROUPS[cell.ageIndex]!;
      const gender = GENDERS[cell.genderIndex]!;
      const key = `${lha.id}|${ageGroup}|${gender}`;
      const count = observed.get(key) ?? 0;
      observed.delete(key);
      const expected = (total * cell.population) / population;
      const tolerance = countTolerance(
        count,
        expected,
        thresholds.marginalTolerance * expected,
        binomialQuantiles(total, cell.population / population),
        tail,
      );
      checks.push(makeCheck(`${lha.name} / ${ageGroup} / ${gender}`, count, expected, tolerance));
    }
    const unknown = [...observed.values()].reduce((sum, n) => sum + n, 0);
    checks.push(makeCheck('patients outside every scenario cell', unknown, 0, 0));
    return checksOutcome(checks, { z, what: 'LHA x age group x gender cells' });
  },
};
