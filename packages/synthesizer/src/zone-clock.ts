const DAY_S = 86_400;

/**
 * Local calendar days of UTC instants in an IANA time zone, as validate reads them. Offsets
 * come from Intl once per UTC day (twice on a day with a transition), so checking millions
 * of timestamps against patients' entry and exit dates costs a lookup each.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, { start: number; end: number; switchAt: number }>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset of local time from UTC, in seconds, at `seconds` since the epoch. */
  offsetAt(seconds: number): number {
    const day = Math.floor(seconds / DAY_S);
    let entry = this.days.get(day);
    if (entry === undefined) {
      const start = this.exactOffset(day * DAY_S);
      const end = this.exactOffset(day * DAY_S + DAY_S - 1);
      // A transition day: find its second by bisection once (at most one per day).
      let low = day * DAY_S;
      let high = day * DAY_S + DAY_S - 1;
      if (start !== end) {
        while (high - low > 1) {
          const mid = Math.floor((low + high) / 2);
          if (this.exactOffset(mid) === start) low = mid;
          else high = mid;
        }
      }
      entry = { start, end, switchAt: start === end ? Number.POSITIVE_INFINITY : high };
      this.days.set(day, entry);
    }
    return seconds < entry.switchAt ? entry.start : entry.end;
  }

  /** The local calendar day (days since 1970-01-01) of an instant in microseconds. */
  localDay(microseconds: number): number {
    const seconds = Math.floor(microseconds / 1e6);
    return Math.floor((seconds + this.offsetAt(seconds)) / DAY_S);
  }

  /** The instant (microseconds) of local midnight starting local day `day`. */
  localMidnight(day: number): number {
    let seconds = day * DAY_S;
    // Two rounds settle the offset, transitions included (they never fall at midnight in practice).
    for (let round = 0; round < 2; round++) seconds = day * DAY_S - this.offsetAt(seconds);
    return seconds * 1e6;
  }

  private exactOffset(seconds: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(seconds * 1000))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local =
      Date.UTC(
        parts.year!,
        parts.month! - 1,
        parts.day!,
        parts.hour!,
        parts.minute!,
        parts.second!,
      ) / 1000;
    return local - seconds;
  }
}
