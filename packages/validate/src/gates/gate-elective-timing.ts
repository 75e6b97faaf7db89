import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import { calendarDays } from '../expectations/calendar-days.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Elective admissions are booked on weekday mornings (issue 15): the generator lands each
 * on a day of the horizon weighted by elective_weekday x its program's seasonality of the
 * month, at a local hour from elective_hour. Local weekday shares are held to that day
 * weighting (per program, by its elective count) and hour shares to elective_hour, with
 * multinomial (binomial per category) standard errors. The defect the checks exist for is
 * untimed electives (every weekday and hour alike); inconclusive when none could see it.
 */
export const gateElectiveTiming: Gate = {
  id: 'elective-timing',
  category: 'fidelity',
  title: 'Elective admissions on weekday mornings',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const electives = `FROM ip_stays WHERE admission_source = 'Elective'
      AND epoch(admit_ts) >= ${start} AND epoch(admit_ts) < ${end}`;
    const byProgram = await sql.rows(
      `SELECT program_id, ${localDateSql('admit_ts', run, 'weekday')} AS weekday, count(*) AS n ${electives} GROUP BY ALL`,
    );
    const byHour = await sql.rows(
      `SELECT ${localDateSql('admit_ts', run, 'hour')} AS hour, count(*) AS n ${electives} GROUP BY ALL`,
    );
    const timing = scenario.inpatient.timing;
    const days = calendarDays(run.startYear, run.startYear + run.horizonYears - 1);
    // Each program's weekday shares under a weekday profile, through its monthly seasonality.
    const weekdayShares = (program: number, profile: readonly number[]) => {
      const season = timing.seasonality[program - 1] ?? new Array<number>(12).fill(1);
      const weights = new Array<number>(7).fill(0);
      for (const day of days) weights[day.weekday]! += profile[day.weekday]! * season[day.month]!;
      const sum = weights.reduce((a, b) => a + b, 0);
      return weights.map((w) => (sum > 0 ? w / sum : 0));
    };
    const perProgram = new Map<number, number>();
    const observedWeekday = new Array<number>(7).fill(0);
    for (const row of byProgram) {
      const n = Number(row.n);
      perProgram.set(Number(row.program_id), (perProgram.get(Number(row.program_id)) ?? 0) + n);
      observedWeekday[Number(row.weekday)]! += n;
    }
    const expected = new Array<number>(7).fill(0);
    const variance = new Array<number>(7).fill(0);
    const flat = new Array<number>(7).fill(0);
    let n = 0;
    for (const [program, count] of perProgram) {
      n += count;
      const shares = weekdayShares(program, timing.electiveWeekday);
      const uniform = weekdayShares(program, new Array<number>(7).fill(1));
      shares.forEach((q, w) => {
        expected[w]! += count * q;
        variance[w]! += count * q * (1 - q);
        flat[w]! += count * uniform[w]!;
      });
    }
    const observedHour = new Array<number>(24).fill(0);
    for (const row of byHour) observedHour[Number(row.hour)]! += Number(row.n);
    const level = significance(7 + 24);
    const shares: ShareCheck[] = [
      ...WEEKDAYS.map((name, w) =>
        shareCheck(
          `weekday ${name}`,
          observedWeekday[w]!,
          expected[w]!,
          variance[w]!,
          n,
          level,
          flat[w]! - expected[w]!,
        ),
      ),
      ...timing.electiveHour.map((q, h) =>
        shareCheck(
          `hour ${h}`,
          observedHour[h]!,
          n * q,
          n * q * (1 - q),
          n,
          level,
          n * (1 / 24 - q),
        ),
      ),
    ];
    return sharesOutcome(shares, { z: level.z, what: 'elective weekday and hour shares' });
  },
};
