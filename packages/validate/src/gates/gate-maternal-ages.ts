import { OLDEST_AGE } from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import { tableColumns } from '../dataset/table-columns.js';
import type { CheckResult } from '../report/validation-report.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

/** Maternal ages are compared in five-year spans, as fertility is published. */
const SPAN = 5;

/**
 * Maternity admissions follow the mother's age (issue 15): every stay in a maternity
 * subprogram (inpatient.maternity_subprograms) is at a whole age on the admission day where
 * maternal_age_rates is positive (zero tolerance), and by five-year span of age the stays
 * are distributed as rate x women of that age: the women counted at 1 July of each
 * horizon year (patients resident then, Female), weighted by the rate of their age, summed
 * over the years (binomial per span). The defect the checks exist for is maternity
 * admissions at any childbearing age alike (the women alone); inconclusive when no check
 * could see it.
 */
export const gateMaternalAges: Gate = {
  id: 'maternal-ages',
  category: 'fidelity',
  title: 'Maternity stays only at maternal ages, following the age-specific rates',
  tables: ['ip_stays', 'patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const rates = scenario.inpatient.maternalAgeRates;
    const pairs = scenario.programs.flatMap((program) =>
      program.subprograms.filter((sub) => sub.maternity).map((sub) => `(${program.id}, ${sub.id})`),
    );
    if (pairs.length === 0) return sharesOutcome([], { z: 0, what: 'maternal age shares' });
    const start = localNewYear(run.timeZone, run.startYear);
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const stays = await sql.rows(`SELECT ${ageSql('dob', 'admit_day', true)} AS age, count(*) AS n
      FROM (SELECT p.dob, ${localDateSql('s.admit_ts', run, 'date')} AS admit_day
            FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
            WHERE (s.program_id, s.subprogram_id) IN (${pairs.join(', ')})
              AND epoch(s.admit_ts) >= ${start} AND epoch(s.admit_ts) < ${end})
      GROUP BY ALL`);
    const columns = await tableColumns(sql, 'patients');
    const dated = columns.has('entry_date') && columns.has('exit_date');
    const women = new Array<number>(OLDEST_AGE + 1).fill(0);
    for (let year = run.startYear; year < run.startYear + run.horizonYears; year++) {
      const midYear = `DATE '${year}-07-01'`;
      const rows = await sql.rows(`SELECT ${ageSql('dob', midYear, true)} AS age, count(*) AS n
        FROM patients WHERE gender = 'Female'
          ${dated ? `AND entry_date <= ${midYear} AND (exit_date IS NULL OR exit_date > ${midYear})` : ''}
        GROUP BY ALL`);
      for (const row of rows) {
        const age = Number(row.age);
        if (age >= 0 && age <= OLDEST_AGE) women[age]! += Number(row.n);
      }
    }
    const ages = rates.flatMap((rate, age) => (rate > 0 ? [age] : []));
    const first = Math.min(...ages);
    const last = Math.max(...ages);
    const spans = Math.floor((last - first) / SPAN) + 1;
    const spanOf = (age: number) => Math.floor((age - first) / SPAN);
    const observed = new Array<number>(spans).fill(0);
    let n = 0;
    let outside = 0;
    for (const row of stays) {
      const age = Number(row.age);
      const count = Number(row.n);
      if (!((rates[age] ?? 0) > 0)) {
        outside += count;
        continue;
      }
      observed[spanOf(age)]! += count;
      n += count;
    }
    const weight = new Array<number>(spans).fill(0);
    const flat = new Array<number>(spans).fill(0);
    for (const age of ages) {
      weight[spanOf(age)]! += rates[age]! * women[age]!;
      flat[spanOf(age)]! += women[age]!;
    }
    const totalWeight = weight.reduce((a, b) => a + b, 0);
    const totalFlat = flat.reduce((a, b) => a + b, 0);
    const level = significance(spans);
    const checks: ShareCheck[] = weight.map((w, k) => {
      const q = totalWeight > 0 ? w / totalWeight : 0;
      const qFlat = totalFlat > 0 ? flat[k]! / totalFlat : 0;
      const low = first + k * SPAN;
      return shareCheck(
        `ages ${low}-${Math.min(low + SPAN - 1, last)}`,
        observed[k]!,
        n * q,
        n * q * (1 - q),
        n,
        level,
        n * (qFlat - q),
      );
    });
    const plain: CheckResult[] = [
      makeCheck(`maternity stays outside ages ${first}-${last}`, outside, 0, 0, 'at-most'),
    ];
    return sharesOutcome(checks, { z: level.z, what: 'maternal age shares', plain });
  },
};
