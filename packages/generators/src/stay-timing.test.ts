import { defaultScenario } from '@lm-synth/config';
import {
  chiSquareTest,
  createStream,
  medianWithCi,
  truncatedLognormalDistribution,
} from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { civilDate } from './civil-date.js';
import { LocalClock } from './local-clock.js';
import { StayTiming, truncatedLognormal, weekdayOf } from './stay-timing.js';
import { StreamSlot } from './stream-slot.js';

// Counts within 4.5 binomial standard errors of their expectation, chi-square p-values above
// 1e-5, quantiles checked by the binomial count below the exact quantile: at a fixed seed a
// pass is stable, and an exact mechanism fails one check with probability about 1e-5.
const Z = 4.5;
const ALPHA = 1e-5;
const HOUR = 3_600;
const scenario = defaultScenario();
const timing = scenario.inpatient.timing;
const YEARS = 3;
// Calendar years startYear - 1 (warm-up) .. startYear + 1, as the generator context lays them out.
const yearFirstDay = Float64Array.from({ length: YEARS + 1 }, (_, y) =>
  civilDate.fromParts(scenario.startYear - 1 + y, 1, 1),
);
const clockFirst = yearFirstDay[0]! - 1;
const clockLast = yearFirstDay[YEARS]! + 1;
const clock = new LocalClock(scenario.timeZone, clockFirst, clockLast);
const programOf = (key: string) => scenario.programs.findIndex((p) => p.key === key);

function stayTiming(purpose: string): StayTiming {
  const slot = new StreamSlot();
  slot.source = createStream(2_025, purpose, 0);
  return new StayTiming(scenario, clock, clockFirst, clockLast, yearFirstDay, slot);
}

/** Local wall-clock hour of a UTC instant: the last hour of its local day that starts at or before it. */
function localHour(utc: number): number {
  const day = clock.localDayOf(utc);
  let hour = 0;
  while (hour < 23 && clock.toUtc(day, (hour + 1) * HOUR) <= utc) hour++;
  return hour;
}

function expectCount(observed: number, p: number, n: number, label = '') {
  expect(Math.abs(observed - n * p), `${label} ${observed} vs ${n * p}`).toBeLessThanOrEqual(
    Z * Math.sqrt(n * p * (1 - p)),
  );
}

describe('weekdayOf', () => {
  it('numbers Monday 0 to Sunday 6, before 1970 too', () => {
    expect(weekdayOf(civilDate.parse('1970-01-01'))).toBe(3);
    expect(weekdayOf(civilDate.parse('2025-01-06'))).toBe(0);
    expect(weekdayOf(civilDate.parse('2025-01-05'))).toBe(6);
    expect(weekdayOf(civilDate.parse('1969-12-29'))).toBe(0);
  });
});

describe('truncatedLognormal', () => {
  it('stays within its bounds for every u, in the tails too', () => {
    for (const [mu, sigma, low, high] of [
      [2, 1, 0.25, 365],
      [0, 0.5, 20, 30],
      [5, 0.3, 0.25, 1],
    ] as const)
      for (const u of [0, 1e-12, 0.3, 0.5, 1 - 1e-12, 1]) {
        const x = truncatedLognormal({ mu, sigma }, low, high, u);
        expect(x).toBeGreaterThanOrEqual(low);
        expect(x).toBeLessThanOrEqual(high);
      }
  });

  it('maps u to the exact quantile of the truncated distribution (u = 0.5: its median)', () => {
    for (const [mu, sigma, low, high] of [
      [2.1748, 0.9, 0.5, 72],
      [1.7918, 1, 0.25, 9_999.99],
      [2.8332, 0.984, 5, 365],
    ] as const) {
      const exact = truncatedLognormalDistribution(mu, sigma, low, high);
      for (const u of [0.1, 0.5, 0.9])
        expect(truncatedLognormal({ mu, sigma }, low, high, u)).toBeCloseTo(exact.quantile(u), 6);
    }
  });
});

describe('StayTiming', () => {
  it('admits electives only on weekdays and hours with positive elective weight, in local time, inside the year', () => {
    const stays = stayTiming('elective');
    const program = programOf('surgery');
    const n = 50_000;
    const weekdays = new Float64Array(7);
    const hours = new Float64Array(24);
    let outsideYear = 0;
    for (let i = 0; i < n; i++) {
      const at = stays.elective(1, program, yearFirstDay[1]!);
      const day = clock.localDayOf(at);
      if (day < yearFirstDay[1]! || day >= yearFirstDay[2]!) outsideYear++;
      weekdays[weekdayOf(day)]!++;
      hours[localHour(at)]!++;
    }
    expect(outsideYear).toBe(0);
    timing.electiveWeekday.forEach((w, d) => {
      if (w === 0) expect(weekdays[d], `weekday ${d}`).toBe(0);
    });
    timing.electiveHour.forEach((w, h) => {
      if (w === 0) expect(hours[h], `hour ${h}`).toBe(0);
    });
    // And the hours follow the profile (chi-square over the hours with weight).
    const kept = timing.electiveHour.flatMap((w, h) => (w > 0 ? [h] : []));
    expect(
      chiSquareTest(
        kept.map((h) => hours[h]!),
        kept.map((h) => timing.electiveHour[h]!),
      ).pValue,
    ).toBeGreaterThan(ALPHA);
  });

  it('spreads direct admissions over the months by the seasonality multipliers (medicine: January above July)', () => {
    const stays = stayTiming('direct');
    const program = programOf('medicine');
    const multipliers = timing.seasonality[program]!;
    const year = scenario.startYear;
    const n = 300_000;
    const months = new Float64Array(12);
    const hours = new Float64Array(24);
    for (let i = 0; i < n; i++) {
      const at = stays.direct(1, program, yearFirstDay[1]!);
      months[civilDate.toParts(clock.localDayOf(at))[1] - 1]!++;
      hours[localHour(at)]!++;
    }
    const weights = multipliers.map(
      (m, k) => m * (civilDate.fromParts(year, k + 2, 1) - civilDate.fromParts(year, k + 1, 1)),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    expectCount(months[0]!, weights[0]! / total, n, 'January');
    expectCount(months[6]!, weights[6]! / total, n, 'July');
    // January and July both have 31 days: the count ratio estimates the multiplier ratio; its
    // delta-method SE is ratio x sqrt(1/January + 1/July).
    const ratio = months[0]! / months[6]!;
    const expectedRatio = multipliers[0]! / multipliers[6]!;
    expect(expectedRatio).toBeGreaterThan(1.2);
    expect(Math.abs(ratio - expectedRatio)).toBeLessThanOrEqual(
      Z * ratio * Math.sqrt(1 / months[0]! + 1 / months[6]!),
    );
    expect(chiSquareTest(months, weights).pValue).toBeGreaterThan(ALPHA);
    // Hours: the direct profile. Spring-forward moves the 2 am hour once a year; too rare to show.
    expect(chiSquareTest(hours, timing.directHour).pValue).toBeGreaterThan(ALPHA);
  });

  it('never discharges before the earliest instant it is given', () => {
    const stays = stayTiming('earliest');
    const start = clock.midnight(yearFirstDay[1]!);
    let early = 0;
    for (let i = 0; i < 50_000; i++) {
      const end = start + ((i * 7_919) % (300 * 86_400));
      // Earliest from hours before the end to days after it.
      const earliest = end + (((i * 104_729) % (4 * 86_400)) - 86_400);
      if (stays.discharge(end, earliest) < earliest) early++;
    }
    expect(early).toBe(0);
  });

  it('discharges at the hours of the discharge profile', () => {
    const stays = stayTiming('discharge-hour');
    const start = clock.midnight(yearFirstDay[1]!);
    const hours = new Float64Array(24);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const end = start + ((i * 7_919) % (300 * 86_400));
      hours[localHour(stays.discharge(end, 0))]!++;
    }
    // The quietest hour still expects about 150 of the 200,000: no bins need merging.
    expect(chiSquareTest(hours, timing.dischargeHour).pValue).toBeGreaterThan(ALPHA);
  });

  it('moves a discharge off quieter weekdays as the acceptance chain says: P(day s + k) = prod (1 - a) x a', () => {
    const stays = stayTiming('discharge-day');
    const busiest = Math.max(...timing.dischargeWeekday);
    const accept = timing.dischargeWeekday.map((w) => w / busiest);
    const n = 60_000;
    // Noon of a Saturday and of a Tuesday in the start year.
    for (const first of ['2025-03-01', '2025-03-04']) {
      const day = civilDate.parse(first);
      const end = clock.toUtc(day, 12 * HOUR);
      const chain: number[] = [];
      let waiting = 1;
      for (let k = 0; k < 6; k++) {
        const a = accept[weekdayOf(day + k)]!;
        chain.push(waiting * a);
        waiting *= 1 - a;
      }
      const counts = new Float64Array(6);
      let later = 0;
      for (let i = 0; i < n; i++) {
        const k = clock.localDayOf(stays.discharge(end, 0)) - day;
        if (k < 6) counts[k]!++;
        else later++;
      }
      chain.forEach((p, k) => {
        if (p * n >= 5) expectCount(counts[k]!, p, n, `${first} +${k}`);
      });
      expect(later).toBeLessThanOrEqual(n * waiting + Z * Math.sqrt(n * waiting) + 1);
    }
    // Weekend share over care ending on every day of the week alike.
    let weekend = 0;
    let expectedWeekend = 0;
    const monday = civilDate.parse('2025-03-10');
    for (let s = 0; s < 7; s++) {
      let waiting = 1;
      for (let k = 0; k < 14; k++) {
        const a = accept[weekdayOf(monday + s + k)]!;
        if (weekdayOf(monday + s + k) >= 5) expectedWeekend += (waiting * a) / 7;
        waiting *= 1 - a;
      }
      const end = clock.toUtc(monday + s, 12 * HOUR);
      for (let i = 0; i < n / 6; i++)
        if (weekdayOf(clock.localDayOf(stays.discharge(end, 0))) >= 5) weekend++;
    }
    expectCount(weekend, expectedWeekend, 7 * (n / 6), 'weekend');
  });

  it('draws arrival-to-admission times whose median and p90 are the truncated lognormal ones, within [0.5 h, max]', () => {
    const stays = stayTiming('boarding');
    const { mu, sigma, max } = scenario.ed.arrivalToAdmissionHours;
    const exact = truncatedLognormalDistribution(mu, sigma, 0.5, max);
    const n = 100_000;
    const hours = Float64Array.from({ length: n }, () => stays.arrivalToAdmission() / HOUR);
    const outside = hours.filter((h) => h < 0.5 || h > max).length;
    expect(outside).toBe(0);
    // The configured median is exp(mu) (8.8 h); cutting the tails (0.07% below 0.5 h, 1% above 72 h) moves it by minutes.
    expect(Math.abs(exact.quantile(0.5) - Math.exp(mu))).toBeLessThan(0.2);
    const { lower, upper } = medianWithCi(hours, 0.99999);
    expect(exact.quantile(0.5)).toBeGreaterThanOrEqual(lower);
    expect(exact.quantile(0.5)).toBeLessThanOrEqual(upper);
    // p90: the count below the exact p90 is Binomial(n, 0.9) (rounding to whole seconds aside).
    const p90 = exact.quantile(0.9);
    expectCount(hours.filter((h) => h <= p90).length, 0.9, n, 'p90');
    // The configured p90 (27.9 h) is the untruncated one: exp(mu + 1.2816 sigma).
    expect(Math.abs(p90 - Math.exp(mu + 1.2815516 * sigma))).toBeLessThan(1.5);
  });
});
