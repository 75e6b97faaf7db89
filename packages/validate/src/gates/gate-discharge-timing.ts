import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import { heldWeekdayShares } from '../expectations/held-weekday-shares.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/**
 * Weekdays are checked on the stays of subprograms whose configured median LOS is at least
 * this many days: their raw end days are spread over the week by the LOS, whatever weekday
 * they began (electives begin Monday to Friday). Selecting stays by their own LOS instead
 * would favour those the weekend hold made longer.
 */
const MIN_WEEKDAY_MEDIAN_LOS = 4;

/**
 * Discharges happen on weekdays, late morning to afternoon (issue 15). The generator keeps
 * a stay's raw end day with probability discharge_weekday / its maximum, else moves it to
 * the next day and tries again, then draws a local hour from discharge_hour. Of inpatient
 * (not day-case) stays discharged alive in the horizon, the local hour shares are held to
 * discharge_hour, and - for subprograms with a median LOS of at least four days, whose raw
 * ends spread evenly over the week - the weekday shares to
 * heldWeekdayShares(discharge_weekday); binomial standard
 * errors. The defect the checks exist for is untimed discharges (every hour and weekday
 * alike); inconclusive when none could see it.
 */
export const gateDischargeTiming: Gate = {
  id: 'discharge-timing',
  category: 'fidelity',
  title: 'Discharges on weekdays, late morning to afternoon',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const inpatient = scenario.programs.flatMap((program) =>
      program.subprograms
        .filter((sub) => sub.setting === 'inpatient')
        .map((sub) => `(${program.id}, ${sub.id})`),
    );
    if (inpatient.length === 0) {
      return sharesOutcome([], { z: 0, what: 'discharge weekday and hour shares' });
    }
    const stays = `FROM ip_stays WHERE (program_id, subprogram_id) IN (${inpatient.join(', ')})
      AND discharge_ts IS NOT NULL AND discharge_disposition IS DISTINCT FROM 'Died'
      AND epoch(discharge_ts) >= ${start} AND epoch(discharge_ts) < ${end}`;
    const byHour = await sql.rows(
      `SELECT ${localDateSql('discharge_ts', run, 'hour')} AS hour, count(*) AS n ${stays} GROUP BY ALL`,
    );
    const long = scenario.programs.flatMap((program, p) =>
      program.subprograms
        .filter(
          (sub, sp) =>
            sub.setting === 'inpatient' &&
            Math.exp(scenario.inpatient.los[p]![sp]!.mu) >= MIN_WEEKDAY_MEDIAN_LOS,
        )
        .map((sub) => `(${program.id}, ${sub.id})`),
    );
    const byWeekday =
      long.length === 0
        ? []
        : await sql.rows(
            `SELECT ${localDateSql('discharge_ts', run, 'weekday')} AS weekday, count(*) AS n ${stays}
               AND (program_id, subprogram_id) IN (${long.join(', ')}) GROUP BY ALL`,
          );
    const timing = scenario.inpatient.timing;
    const hours = new Array<number>(24).fill(0);
    for (const row of byHour) hours[Number(row.hour)]! += Number(row.n);
    const weekdays = new Array<number>(7).fill(0);
    for (const row of byWeekday) weekdays[Number(row.weekday)]! += Number(row.n);
    const nHours = hours.reduce((a, b) => a + b, 0);
    const nWeekdays = weekdays.reduce((a, b) => a + b, 0);
    const expectedWeekday = heldWeekdayShares(timing.dischargeWeekday);
    const level = significance(7 + 24);
    const shares: ShareCheck[] = [
      ...WEEKDAYS.map((name, w) => {
        const q = expectedWeekday[w]!;
        return shareCheck(
          `weekday ${name}`,
          weekdays[w]!,
          nWeekdays * q,
          nWeekdays * q * (1 - q),
          nWeekdays,
          level,
          nWeekdays * (1 / 7 - q),
        );
      }),
      ...timing.dischargeHour.map((q, h) =>
        shareCheck(
          `hour ${h}`,
          hours[h]!,
          nHours * q,
          nHours * q * (1 - q),
          nHours,
          level,
          nHours * (1 / 24 - q),
        ),
      ),
    ];
    return sharesOutcome(shares, { z: level.z, what: 'discharge weekday and hour shares' });
  },
};
