import { AGE_GROUPS, GENDERS, singleYearAgeShares } from '@lm-synth/config/core';
import { quoteLiteral as sqlLiteral } from '@lm-synth/export-arrow';
import { standardNormalQuantile } from '@lm-synth/stats';
import { ageSql } from '../dataset/age-sql.js';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const POWER_Z = standardNormalQuantile(0.8);
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
/** The open band's tail the issue names: 95 and over. */
const OLD_TAIL = 95;

/**
 * Single years of age within each band follow a realistic pyramid (issue 15): of the
 * start-year residents of each age group and gender, the mean single year (whole years at
 * the reference date, from the group's youngest) matches singleYearAgeShares (standard
 * error: its standard deviation over the root of the count), and in the open band the
 * shares aged 95+ and exactly the oldest age are binomial. The defect the checks exist for
 * is ages uniform within their band; inconclusive when no check could see it.
 */
export const gateSingleYearAges: Gate = {
  id: 'single-year-ages',
  category: 'fidelity',
  title: 'Single years of age within each band follow the population pyramid',
  tables: ['patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const resident = await startResidentSql(sql);
    const rows = await sql.rows(`SELECT p.age_group, p.gender,
        ${ageSql('dob', `DATE ${sqlLiteral(run.referenceDate)}`, true)} AS age, count(*) AS n
      FROM patients p WHERE ${resident} GROUP BY ALL`);
    const shares = singleYearAgeShares(scenario.demography);
    const cells = AGE_GROUPS.map((_, a) =>
      GENDERS.map((_, g) => ({ counts: new Array<number>(shares[a]![g]!.length).fill(0), n: 0 })),
    );
    for (const row of rows) {
      const a = AGE_GROUPS.indexOf(row.age_group as never);
      const g = GENDERS.indexOf(row.gender as never);
      if (a < 0 || g < 0) continue;
      const cell = cells[a]![g]!;
      const offset = Number(row.age) - MIN_AGES[a]!;
      const n = Number(row.n);
      cell.n += n;
      // Outside the band is dob-age-group's to report; here it counts at the nearest end.
      cell.counts[Math.min(Math.max(offset, 0), cell.counts.length - 1)]! += n;
    }
    const oldest = AGE_GROUPS.length - 1;
    const level = significance(AGE_GROUPS.length * GENDERS.length + 2 * GENDERS.length);
    const checks: ShareCheck[] = [];
    AGE_GROUPS.forEach((group, a) => {
      GENDERS.forEach((gender, g) => {
        const { counts, n } = cells[a]![g]!;
        const q = shares[a]![g]!;
        if (n === 0 || q.length < 2) return;
        const mean = q.reduce((sum, p, k) => sum + p * k, 0);
        const sd = Math.sqrt(q.reduce((sum, p, k) => sum + p * (k - mean) ** 2, 0));
        const uniform = (q.length - 1) / 2;
        const observed = counts.reduce((sum, c, k) => sum + c * k, 0) / n;
        const se = sd / Math.sqrt(n);
        const key = `${group} ${gender} mean year in band`;
        const needed = (level.z + POWER_Z) * se;
        checks.push({
          check: makeCheck(key, observed, mean, level.z * se),
          undetectable:
            needed < Math.abs(uniform - mean)
              ? null
              : {
                  key: `${key} (${n} rows; decisive from ~${Math.ceil(n * (needed / Math.abs(uniform - mean || 1e-9)) ** 2).toLocaleString('en')})`,
                  scale: (needed / Math.abs(uniform - mean || 1e-9)) ** 2,
                },
        });
        if (a !== oldest) return;
        const tail = OLD_TAIL - MIN_AGES[a]!;
        const top = q.length - 1;
        const pTail = q.slice(tail).reduce((x, y) => x + y, 0);
        const observedTail = counts.slice(tail).reduce((x, y) => x + y, 0);
        checks.push(
          shareCheck(
            `${group} ${gender} aged ${OLD_TAIL}+`,
            observedTail,
            n * pTail,
            n * pTail * (1 - pTail),
            n,
            level,
            n * ((q.length - tail) / q.length - pTail),
          ),
          shareCheck(
            `${group} ${gender} aged ${MIN_AGES[a]! + top}`,
            counts[top]!,
            n * q[top]!,
            n * q[top]! * (1 - q[top]!),
            n,
            level,
            n * (1 / q.length - q[top]!),
          ),
        );
      });
    });
    return sharesOutcome(checks, { z: level.z, what: 'single-year age checks' });
  },
};
