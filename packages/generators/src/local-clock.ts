const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil; unlike Date.UTC, years 0-99 are not moved to the 1900s). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** How en-US writes a date with era and a 24-hour time: 3/9/2025 AD, 02:30:00. */
const EN_US_23 = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

/** UTC offset in seconds (local minus UTC) of `timeZone` at each instant, read from Intl. */
function offsetReader(timeZone: string): (utcSeconds: number) => number {
  // Throws RangeError for an unknown zone. h23, because some ICU versions write midnight as 24 with hour12: false.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const date = new Date(0);
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, era: 'AD' };
  return (utcSeconds) => {
    date.setTime(utcSeconds * 1000);
    // format() and a pattern cost a third of formatToParts; the parts are the fallback should
    // some ICU version write en-US differently.
    const match = EN_US_23.exec(format.format(date));
    if (match) {
      fields.month = Number(match[1]);
      fields.day = Number(match[2]);
      fields.year = Number(match[3]);
      fields.era = match[4]!;
      fields.hour = Number(match[5]);
      fields.minute = Number(match[6]);
      fields.second = Number(match[7]);
    } else
      for (const { type, value } of format.formatToParts(date))
        if (type === 'era') fields.era = value;
        else if (type in fields) (fields as Record<string, number | string>)[type] = Number(value);
    const year = fields.era === 'BC' ? 1 - fields.year : fields.year;
    const local =
      daysFromCivil(year, fields.month, fields.day) * SECONDS_PER_DAY +
      fields.hour * 3_600 +
      fields.minute * 60 +
      fields.second;
    return local - utcSeconds;
  };
}

/**
 * Converts between local wall-clock time in one IANA time zone and UTC instants, for a fixed span
 * of local days. Offsets come from Intl once, at construction; every conversion after that is a
 * few array reads, because generators call it once per row.
 *
 * A local day is assumed to hold at most one offset transition; the constructor throws if it finds
 * two (it finds none in any zone Node.js knows, 1970-2037).
 */
export class LocalClock {
  readonly #firstDay: number;
  readonly #lastDay: number;
  // Indexed by local day - firstDay: the offset at the start of the day, the UTC instant of the
  // day's transition (Infinity when there is none) and the offset after it.
  readonly #dayOffset: Int32Array;
  readonly #dayTransition: Float64Array;
  readonly #dayOffsetAfter: Int32Array;
  // The same per UTC day, from utcBase: a local day touches the UTC days either side of it.
  readonly #utcBase: number;
  readonly #utcOffset: Int32Array;
  readonly #utcTransition: Float64Array;
  readonly #utcOffsetAfter: Int32Array;

  /** Offsets for local days firstDay..lastDay (epoch days, i.e. days since 1970-01-01 as civil dates), built once from Intl for `timeZone`. */
  constructor(timeZone: string, firstDay: number, lastDay: number) {
    if (!Number.isSafeInteger(firstDay) || !Number.isSafeInteger(lastDay) || lastDay < firstDay)
      throw new RangeError(
        `LocalClock needs whole days with firstDay <= lastDay, got ${firstDay}..${lastDay}`,
      );
    const offsetAt = offsetReader(timeZone);
    this.#firstDay = firstDay;
    this.#lastDay = lastDay;

    // Offsets are less than a day, so local days firstDay..lastDay lie inside UTC days
    // firstDay-1..lastDay+1; one more on each side keeps every transition they own in reach.
    // Sample the offset at each UTC midnight and binary-search each change to the second:
    // about one Intl call per day instead of one per hour.
    this.#utcBase = firstDay - 2;
    const utcDays = lastDay - firstDay + 5;
    this.#utcOffset = new Int32Array(utcDays);
    this.#utcTransition = new Float64Array(utcDays).fill(Number.POSITIVE_INFINITY);
    this.#utcOffsetAfter = new Int32Array(utcDays);
    const transitions: { at: number; before: number; after: number }[] = [];
    let start = this.#utcBase * SECONDS_PER_DAY;
    let offset = offsetAt(start);
    for (let u = 0; u < utcDays; u++) {
      const end = start + SECONDS_PER_DAY;
      const next = offsetAt(end);
      this.#utcOffset[u] = offset;
      this.#utcOffsetAfter[u] = next;
      if (next !== offset) {
        // Invariant: offsetAt(low) === offset and offsetAt(high) !== offset.
        let low = start;
        let high = end;
        while (high - low > 1) {
          const middle = Math.floor((low + high) / 2);
          if (offsetAt(middle) === offset) low = middle;
          else high = middle;
        }
        if (offsetAt(high) !== next)
          throw new RangeError(
            `${timeZone} changes its offset twice within a day near ${new Date(high * 1000).toISOString()}`,
          );
        this.#utcTransition[u] = high;
        transitions.push({ at: high, before: offset, after: next });
      }
      start = end;
      offset = next;
    }

    // A transition belongs to the local day on which its instant falls in the old offset: the
    // first local time it skips (spring forward) or repeats (fall back) is on that day. A
    // transition at 24:00 belongs to the next day, whose midnight is then skipped or repeated.
    const days = lastDay - firstDay + 1;
    this.#dayOffset = new Int32Array(days);
    this.#dayTransition = new Float64Array(days).fill(Number.POSITIVE_INFINITY);
    this.#dayOffsetAfter = new Int32Array(days);
    let current = this.#utcOffset[0]!;
    let t = 0;
    for (let i = 0; i < days; i++) {
      const day = firstDay + i;
      while (
        t < transitions.length &&
        Math.floor((transitions[t]!.at + transitions[t]!.before) / SECONDS_PER_DAY) < day
      )
        current = transitions[t++]!.after;
      this.#dayOffset[i] = current;
      this.#dayOffsetAfter[i] = current;
      const transition = transitions[t];
      if (transition && Math.floor((transition.at + transition.before) / SECONDS_PER_DAY) === day) {
        this.#dayTransition[i] = transition.at;
        this.#dayOffsetAfter[i] = transition.after;
        current = transition.after;
        t++;
        const second = transitions[t];
        if (second && Math.floor((second.at + second.before) / SECONDS_PER_DAY) === day)
          throw new RangeError(`${timeZone} changes its offset twice on local day ${day}`);
      }
    }
  }

  /** The UTC instant (epoch seconds) of local wall-clock `secondOfDay` (0..86399) on local civil day `localDay`. Times in a spring-forward gap move forward by the gap; ambiguous fall-back times take the first (daylight) instant. */
  toUtc(localDay: number, secondOfDay: number): number {
    const i = localDay - this.#firstDay;
    if (
      !(i >= 0 && i < this.#dayOffset.length && secondOfDay >= 0 && secondOfDay < SECONDS_PER_DAY)
    )
      throw new RangeError(
        `local day ${localDay} second ${secondOfDay} is outside ${this.#firstDay}..${this.#lastDay} x 0..86399`,
      );
    const wall = localDay * SECONDS_PER_DAY + secondOfDay;
    const before = wall - this.#dayOffset[i]!;
    const transition = this.#dayTransition[i]!;
    // Before the transition in the old offset: that instant, which is also the first of a repeated time.
    if (before < transition) return before;
    const after = wall - this.#dayOffsetAfter[i]!;
    // Otherwise the new offset, unless the time was skipped: then the old offset carries it
    // past the transition, forward by the gap.
    return after >= transition ? after : before;
  }

  /** The local civil day (epoch day) of UTC instant `utcSeconds`. */
  localDayOf(utcSeconds: number): number {
    const u = Math.floor(utcSeconds / SECONDS_PER_DAY) - this.#utcBase;
    if (!(u >= 0 && u < this.#utcOffset.length))
      throw new RangeError(
        `instant ${utcSeconds} is outside the local days ${this.#firstDay}..${this.#lastDay}`,
      );
    const offset =
      utcSeconds < this.#utcTransition[u]! ? this.#utcOffset[u]! : this.#utcOffsetAfter[u]!;
    const day = Math.floor((utcSeconds + offset) / SECONDS_PER_DAY);
    if (day < this.#firstDay || day > this.#lastDay)
      throw new RangeError(
        `instant ${utcSeconds} is outside the local days ${this.#firstDay}..${this.#lastDay}`,
      );
    return day;
  }

  /** UTC instant (epoch seconds) of local midnight starting local day `localDay`. */
  midnight(localDay: number): number {
    return this.toUtc(localDay, 0);
  }
}
