import type { LognormalDuration, Scenario } from '@lm-synth/config/core';
import {
  aliasTable,
  categorical,
  standardNormalCdf,
  standardNormalQuantile,
  uniform,
  uniformInt,
} from '@lm-synth/stats';
import { civilDate } from './civil-date.js';
import type { LocalClock } from './local-clock.js';
import type { StreamSlot } from './stream-slot.js';

type Draw = () => number;
const DAY = 86_400;

function sampler(slot: StreamSlot, weights: readonly number[]): Draw {
  return weights.some((w) => w > 0) ? categorical(slot)(aliasTable(weights)) : () => 0;
}

/** Monday = 0 of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * When admissions happen and stays end, in the scenario's local time: elective admissions on
 * weekday mornings, direct admissions in the daytime, both with the program's seasonality;
 * ED arrival to admission (the boarding tail), ED transfer delays and inter-facility gaps; and
 * discharges, which wait for a weekday with the weekday profile and come at the hours of the
 * discharge profile.
 */
export class StayTiming {
  private readonly clock: LocalClock;
  private readonly clockFirst: number;
  private readonly clockLast: number;
  /** [year x program]: day of the year of an elective and of a direct admission, built on first use. */
  private readonly electiveDay: (Draw | undefined)[];
  private readonly directDay: (Draw | undefined)[];
  private readonly dayWeights: (
    y: number,
    program: number,
    weekday: readonly number[] | null,
  ) => number[];
  private readonly slot: StreamSlot;
  private readonly electiveWeekday: readonly number[];
  private readonly programs: number;
  private readonly electiveHour: Draw;
  private readonly directHour: Draw;
  private readonly dischargeHour: Draw;
  private readonly second: Draw;
  /** Per weekday: chance a stay whose end falls on it leaves that day. */
  private readonly keepDay: Float64Array;
  private readonly unit: Draw;
  private readonly durations: {
    readonly boarding: LognormalDuration;
    readonly transferDelay: LognormalDuration;
    readonly transferGap: LognormalDuration;
  };

  constructor(
    scenario: Scenario,
    clock: LocalClock,
    clockFirst: number,
    clockLast: number,
    yearFirstDay: Float64Array,
    slot: StreamSlot,
  ) {
    this.clock = clock;
    this.clockFirst = clockFirst;
    this.clockLast = clockLast;
    const timing = scenario.inpatient.timing;
    this.programs = scenario.programs.length;
    const years = yearFirstDay.length - 1;
    const dayWeights = (y: number, program: number, weekday: readonly number[] | null) => {
      const first = yearFirstDay[y]!;
      const days = yearFirstDay[y + 1]! - first;
      return Array.from({ length: days }, (_, d) => {
        const month = civilDate.toParts(first + d)[1] - 1;
        const day = weekday ? weekday[weekdayOf(first + d)]! : 1;
        return timing.seasonality[program]![month]! * day;
      });
    };
    this.dayWeights = dayWeights;
    this.slot = slot;
    this.electiveWeekday = timing.electiveWeekday;
    this.electiveDay = new Array(years * this.programs);
    this.directDay = new Array(years * this.programs);
    this.electiveHour = sampler(slot, timing.electiveHour);
    this.directHour = sampler(slot, timing.directHour);
    this.dischargeHour = sampler(slot, timing.dischargeHour);
    this.second = uniformInt(slot)(0, 3_599);
    const busiest = Math.max(...timing.dischargeWeekday);
    this.keepDay = Float64Array.from(timing.dischargeWeekday, (w) => w / busiest);
    this.unit = uniform(slot)(0, 1);
    this.durations = {
      boarding: scenario.ed.arrivalToAdmissionHours,
      transferDelay: scenario.ed.transferDelayHours,
      transferGap: scenario.inpatient.transferGapHours,
    };
  }

  /** UTC instant of an elective admission to `program` in calendar year index `y` (first day `yearFirst`). */
  elective(y: number, program: number, yearFirst: number): number {
    const at = y * this.programs + program;
    let draw = this.electiveDay[at];
    if (!draw) {
      draw = sampler(this.slot, this.dayWeights(y, program, this.electiveWeekday));
      this.electiveDay[at] = draw;
    }
    const day = yearFirst + draw();
    return this.at(day, this.electiveHour() * 3_600 + this.second());
  }

  /** UTC instant of a direct admission to `program` in calendar year index `y`. */
  direct(y: number, program: number, yearFirst: number): number {
    const at = y * this.programs + program;
    let draw = this.directDay[at];
    if (!draw) {
      draw = sampler(this.slot, this.dayWeights(y, program, null));
      this.directDay[at] = draw;
    }
    const day = yearFirst + draw();
    return this.at(day, this.directHour() * 3_600 + this.second());
  }

  /** Seconds from ED arrival to admission (the boarding tail), at least half an hour. */
  arrivalToAdmission(): number {
    return this.hours(this.durations.boarding, 0.5);
  }

  /** Seconds from an ED arrival to arrival at the site it transfers the patient to. */
  transferDelay(): number {
    return this.hours(this.durations.transferDelay, 0.5);
  }

  /** Seconds from the end of a stay to the start of its transfer stay. */
  transferGap(): number {
    return this.hours(this.durations.transferGap, 0.25);
  }

  /**
   * The discharge instant of a stay admitted at `admit` whose care ends at `end`: a day whose
   * weekday is quieter than the busiest is left with the complement of their ratio (then the
   * next day is tried), at an hour of the discharge profile; never before `earliest`.
   */
  discharge(end: number, earliest: number): number {
    let day = this.localDayOf(end);
    while (this.unit() >= this.keepDay[weekdayOf(day)]!) day++;
    let at = this.at(day, this.dischargeHour() * 3_600 + this.second());
    while (at < earliest) at = this.at(++day, this.dischargeHour() * 3_600 + this.second());
    return at;
  }

  /** The local day of a UTC instant (the UTC day outside the clock's range). */
  localDayOf(utc: number): number {
    const day = Math.floor(utc / DAY);
    return day > this.clockFirst && day < this.clockLast ? this.clock.localDayOf(utc) : day;
  }

  /** UTC instant of local wall-clock `second` on local `day` (UTC wall-clock outside the clock's range). */
  at(day: number, second: number): number {
    return day > this.clockFirst && day < this.clockLast
      ? this.clock.toUtc(day, second)
      : day * DAY + second;
  }

  /** Lognormal hours as seconds, truncated to [low, max] hours by inversion. */
  private hours(duration: LognormalDuration, low: number): number {
    return Math.round(truncatedLognormal(duration, low, duration.max, this.unit()) * 3_600);
  }
}

/** The u-quantile of Lognormal(mu, sigma) restricted to [low, high]. */
export function truncatedLognormal(
  duration: { readonly mu: number; readonly sigma: number },
  low: number,
  high: number,
  u: number,
): number {
  const { mu, sigma } = duration;
  const a = standardNormalCdf((Math.log(low) - mu) / sigma);
  const b = standardNormalCdf((Math.log(high) - mu) / sigma);
  const p = Math.min(Math.max(a + u * (b - a), 1e-16), 1 - 1e-16);
  return Math.min(high, Math.max(low, Math.exp(mu + sigma * standardNormalQuantile(p))));
}
