import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import { calendarDays } from '../expectations/calendar-days.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Admission seasonality (issue 15: the winter medical surge). The generator lands direct
 * admissions on the days of their year weighted by timing.seasonality[program][month], and
 * elective ones by elective_weekday x the same: for each program whose seasonality is not
 * flat, its direct and elective admissions by local month match those day weights, year by
 * year and source by source (multinomial: binomial per month). The defect the checks exist
 * for is admissions spread evenly over the days; inconclusive when no check could see it.
 * ED admissions follow the ED's own seasonality, which seasonality checks.
 */
export const gateAdmissionSeasonality: Gate = {
  id: 'admission-seasonality',
  category: 'fidelity',
  title: 'Direct and elective admissions follow the seasonality by program',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const timing = scenario.inpatient.timing;
    const seasonal = scenario.programs.filter((program) =>
      (timing.seasonality[program.id - 1] ?? []).some((m) => Math.abs(m - 1) > 1e-9),
    );
    const start = localNewYear(run.timeZone, run.startYear);
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const rows =
      seasonal.length === 0
        ? []
        : await sql.rows(`SELECT program_id, admission_source AS source,
            ${localDateSql('admit_ts', run, 'year')} AS year,
            ${localDateSql('admit_ts', run, 'month')} AS month, count(*) AS n
          FROM ip_stays WHERE admission_source IN ('Direct', 'Elective')
            AND program_id IN (${seasonal.map((program) => program.id).join(', ')})
            AND epoch(admit_ts) >= ${start} AND epoch(admit_ts) < ${end}
          GROUP BY ALL`);
    // Month shares of a year under a day weighting.
    const monthShares = (year: number, weight: (month: number, weekday: number) => number) => {
      const totals = new Array<number>(12).fill(0);
      for (const day of calendarDays(year, year))
        totals[day.month]! += weight(day.month, day.weekday);
      const sum = totals.reduce((a, b) => a + b, 0);
      return totals.map((t) => (sum > 0 ? t / sum : 0));
    };
    const cells = new Map<
      number,
      { n: number; observed: number[]; expected: number[]; variance: number[]; flat: number[] }
    >();
    const totals = new Map<string, number>();
    for (const row of rows) {
      const program = Number(row.program_id);
      let cell = cells.get(program);
      if (!cell) {
        cell = {
          n: 0,
          observed: new Array<number>(12).fill(0),
          expected: new Array<number>(12).fill(0),
          variance: new Array<number>(12).fill(0),
          flat: new Array<number>(12).fill(0),
        };
        cells.set(program, cell);
      }
      const n = Number(row.n);
      cell.n += n;
      cell.observed[Number(row.month) - 1]! += n;
      const key = `${program}|${row.source}|${row.year}`;
      totals.set(key, (totals.get(key) ?? 0) + n);
    }
    for (const [key, n] of totals) {
      const [program, source, year] = key.split('|') as [string, string, string];
      const season = timing.seasonality[Number(program) - 1]!;
      const weekday = (w: number) => (source === 'Elective' ? timing.electiveWeekday[w]! : 1);
      const shares = monthShares(Number(year), (m, w) => season[m]! * weekday(w));
      const flat = monthShares(Number(year), (_, w) => weekday(w));
      const cell = cells.get(Number(program))!;
      shares.forEach((q, m) => {
        cell.expected[m]! += n * q;
        cell.variance[m]! += n * q * (1 - q);
        cell.flat[m]! += n * flat[m]!;
      });
    }
    const level = significance(12 * cells.size);
    const shares: ShareCheck[] = [];
    for (const [program, cell] of [...cells].sort(([a], [b]) => a - b)) {
      const name = scenario.programs[program - 1]!.name;
      MONTHS.forEach((month, m) => {
        shares.push(
          shareCheck(
            `${name} ${month}`,
            cell.observed[m]!,
            cell.expected[m]!,
            cell.variance[m]!,
            cell.n,
            level,
            cell.flat[m]! - cell.expected[m]!,
          ),
        );
      });
    }
    return sharesOutcome(shares, { z: level.z, what: 'monthly admission shares' });
  },
};
