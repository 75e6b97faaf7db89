import { standardNormalQuantile } from '@lm-synth/stats';
import { localDateSql } from '../dataset/local-date-sql.js';
import { calendarDays } from '../expectations/calendar-days.js';
import { DETECTABLE_DEVIATION } from './detectable-outcome.js';
import type { Gate } from './gate.js';
import { infoOutcome } from './info-outcome.js';

const POWER_Z = standardNormalQuantile(0.8);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_MS = 86_400_000;

/**
 * The midnight census varies by weekday (issue 15: weekday discharges and elective
 * admissions make it so). The census at each local midnight of the horizon is the stays
 * admitted on an earlier local day and not discharged before it (warm-up stays still in a
 * bed at the start included). Within each Monday-to-Sunday week the census is centred on
 * the week's mean, which removes seasons and trends; each weekday's mean deviation over the
 * weeks, with the standard error of that mean across weeks, is a t statistic. The gate
 * passes when the largest |t| reaches the gate's z (Bonferroni over 7 weekdays); when it
 * does not, it fails if it could have seen a weekday effect of 10% of a day's mean
 * discharges with 80% power, and is inconclusive otherwise.
 */
export const gateCensusWeekday: Gate = {
  id: 'census-weekday',
  category: 'fidelity',
  title: 'Midnight census varies by weekday beyond noise',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, run, significance }) {
    const admits = await sql.rows(
      `SELECT CAST(${localDateSql('admit_ts', run, 'date')} AS VARCHAR) AS day, count(*) AS n FROM ip_stays GROUP BY ALL`,
    );
    const discharges = await sql.rows(
      `SELECT CAST(${localDateSql('discharge_ts', run, 'date')} AS VARCHAR) AS day, count(*) AS n
       FROM ip_stays WHERE discharge_ts IS NOT NULL GROUP BY ALL`,
    );
    const dayIndex = (value: unknown) => Math.round(Date.parse(`${value}T00:00:00Z`) / DAY_MS);
    const first = Date.UTC(run.startYear, 0, 1) / DAY_MS;
    const days = calendarDays(run.startYear, run.startYear + run.horizonYears - 1);
    // Net change of the census over each day (admitted that day minus discharged that day).
    const net = new Map<number, number>();
    let before = 0;
    for (const row of admits) {
      const d = dayIndex(row.day);
      if (d < first) before += Number(row.n);
      else net.set(d, (net.get(d) ?? 0) + Number(row.n));
    }
    let discharged = 0;
    for (const row of discharges) {
      const d = dayIndex(row.day);
      if (d < first) before -= Number(row.n);
      else {
        net.set(d, (net.get(d) ?? 0) - Number(row.n));
        discharged += Number(row.n);
      }
    }
    // census[i]: at the midnight starting day i of the horizon.
    const census: number[] = [];
    let current = before;
    for (let i = 0; i < days.length; i++) {
      census.push(current);
      current += net.get(first + i) ?? 0;
    }
    const offset = (7 - days[0]!.weekday) % 7;
    const weeks = Math.floor((days.length - offset) / 7);
    if (weeks < 3)
      return infoOutcome(`only ${weeks} whole weeks in the horizon: census by weekday not checked`);
    const deviations = WEEKDAYS.map(() => [] as number[]);
    for (let w = 0; w < weeks; w++) {
      const week = census.slice(offset + 7 * w, offset + 7 * w + 7);
      const mean = week.reduce((a, b) => a + b, 0) / 7;
      week.forEach((value, k) => {
        deviations[k]!.push(value - mean);
      });
    }
    const stats = deviations.map((values) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
      return { mean, se: Math.sqrt(variance / values.length) };
    });
    const { z } = significance(WEEKDAYS.length);
    const t = stats.map(({ mean, se }) =>
      se > 0 ? Math.abs(mean) / se : mean !== 0 ? Number.POSITIVE_INFINITY : 0,
    );
    const best = t.indexOf(Math.max(...t));
    const meanDischarges = discharged / days.length;
    const maxSe = Math.max(...stats.map((s) => s.se));
    const decisive = (z + POWER_Z) * maxSe <= DETECTABLE_DEVIATION * meanDischarges;
    const status = t[best]! >= z ? 'pass' : decisive ? 'fail' : 'inconclusive';
    const profile = WEEKDAYS.map(
      (name, k) => `${name} ${stats[k]!.mean >= 0 ? '+' : ''}${stats[k]!.mean.toFixed(1)}`,
    ).join(', ');
    return {
      status,
      observed: t[best]!,
      expected: z,
      tolerance: 0,
      comparison: 'at-least',
      message:
        status === 'pass'
          ? `census differs by weekday: ${WEEKDAYS[best]} by |t| = ${t[best]!.toFixed(1)} >= ${z.toFixed(2)} (${profile} beds vs the week's mean)`
          : status === 'fail'
            ? `no weekday differs beyond noise (largest |t| ${t[best]!.toFixed(2)} < ${z.toFixed(2)}) although a weekday effect of ${(DETECTABLE_DEVIATION * meanDischarges).toFixed(1)} beds would show (${profile})`
            : `no weekday differs beyond noise (largest |t| ${t[best]!.toFixed(2)} < ${z.toFixed(2)}), and ${weeks} weeks of ${meanDischarges.toFixed(1)} discharges a day are too few to see a weekday effect of 10% of them`,
      details: {
        checks: 7,
        z: Math.round(z * 1000) / 1000,
        weeks,
        meanDischargesPerDay: Math.round(meanDischarges * 10) / 10,
        weekdayDeviation: Object.fromEntries(
          WEEKDAYS.map((name, k) => [name, Math.round(stats[k]!.mean * 100) / 100 + 0]),
        ),
      },
    };
  },
};
