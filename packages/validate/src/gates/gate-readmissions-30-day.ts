import { AGE_GROUPS, OLDEST_AGE } from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import { tableColumns } from '../dataset/table-columns.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
const groupOf = (age: number) => {
  let group = 0;
  while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
  return group;
};
const DAY = 86_400;

/**
 * 30-day readmissions at the configured rate by program and age (issue 15). Index stays:
 * discharged Home, Home with support or against advice, at least 60 days before the
 * horizon's end, of patients still in the cohort 60 days on. A stay is readmitted when the
 * patient's next admission (stays do not overlap: episode-coherence) starts within 30 days
 * of its discharge. The generator adds an
 * urgent readmission with probability r = readmission.within_30_days[age group at
 * admission][program]; any other admission within 30 days (background, b) happens too, so
 * the rate is r + (1 - r) b. b is estimated per age group from the same index stays: of
 * those not readmitted within 30 days, the share whose next admission falls in days 31-60
 * (the urgent readmission is over by then). Per program, binomial variance plus the
 * estimate's (sum of (1 - r) over the group's stays)^2 b (1 - b) / m. The defect the
 * checks exist for is no readmission mechanism (rate b); inconclusive when none could see it.
 */
export const gateReadmissions30Day: Gate = {
  id: 'readmissions-30-day',
  category: 'fidelity',
  title: '30-day readmissions by program follow the configured rates',
  tables: ['ip_stays', 'patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const exits = (await tableColumns(sql, 'patients')).has('exit_date')
      ? `AND (p.exit_date IS NULL OR p.exit_date > ${localDateSql('s.discharge_ts', run, 'date')} + 60)`
      : '';
    const rows = await sql.rows(`SELECT program_id, ${ageSql('dob', 'admit_day', true)} AS age,
        CASE WHEN next_admit IS NULL THEN NULL ELSE (epoch(next_admit) - epoch(discharge_ts)) / ${DAY} END AS days,
        count(*) AS n
      FROM (SELECT s.program_id, s.discharge_ts, s.discharge_disposition, p.dob,
              ${localDateSql('s.admit_ts', run, 'date')} AS admit_day,
              s.next_admit
            FROM (SELECT *, lead(admit_ts) OVER (PARTITION BY patient_id ORDER BY admit_ts, stay_id)
                    AS next_admit FROM ip_stays) s
            JOIN patients p ON p.patient_id = s.patient_id
            WHERE s.discharge_ts IS NOT NULL AND epoch(s.discharge_ts) < ${end - 60 * DAY}
              AND s.discharge_disposition IN ('Home', 'Home with support', 'Left against advice')
              ${exits})
      GROUP BY ALL`);
    const stays = rows.map((row) => {
      const age = Math.min(Math.max(Number(row.age), 0), OLDEST_AGE);
      const days = row.days === null ? Number.POSITIVE_INFINITY : Number(row.days);
      return { program: Number(row.program_id) - 1, group: groupOf(age), days, n: Number(row.n) };
    });
    // Background per age group: next admission in days 31-60 among those not back within 30.
    const background = AGE_GROUPS.map(() => ({ m: 0, hits: 0 }));
    for (const stay of stays) {
      if (stay.days <= 30) continue;
      background[stay.group]!.m += stay.n;
      if (stay.days <= 60) background[stay.group]!.hits += stay.n;
    }
    const b = background.map(({ m, hits }) => (m > 0 ? hits / m : 0));
    const rates = scenario.inpatient.readmission30;
    const P = scenario.programs.length;
    const cells = Array.from({ length: P }, () => ({
      n: 0,
      observed: 0,
      expected: 0,
      variance: 0,
      flat: 0,
      notR: AGE_GROUPS.map(() => 0),
    }));
    for (const stay of stays) {
      const cell = cells[stay.program];
      if (!cell) continue;
      const r = rates[stay.group]![stay.program]!;
      const e = r + (1 - r) * b[stay.group]!;
      cell.n += stay.n;
      cell.expected += stay.n * e;
      cell.variance += stay.n * e * (1 - e);
      cell.flat += stay.n * b[stay.group]!;
      cell.notR[stay.group]! += stay.n * (1 - r);
      if (stay.days <= 30) cell.observed += stay.n;
    }
    const used = cells.filter((cell) => cell.n > 0);
    const level = significance(used.length);
    const shares: ShareCheck[] = [];
    cells.forEach((cell, program) => {
      if (cell.n === 0) return;
      const estimate = cell.notR.reduce(
        (sum, weight, g) =>
          sum +
          (background[g]!.m > 0 ? (weight * weight * b[g]! * (1 - b[g]!)) / background[g]!.m : 0),
        0,
      );
      shares.push(
        shareCheck(
          `${scenario.programs[program]!.name} readmitted within 30 days`,
          cell.observed,
          cell.expected,
          cell.variance + estimate,
          cell.n,
          level,
          cell.flat - cell.expected,
        ),
      );
    });
    return sharesOutcome(shares, {
      z: level.z,
      what: 'program readmission rates',
      extra: {
        background: Object.fromEntries(
          AGE_GROUPS.map((g, i) => [g, Math.round(b[i]! * 10000) / 10000]),
        ),
      },
    });
  },
};
