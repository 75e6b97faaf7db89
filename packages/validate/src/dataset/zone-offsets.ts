/** A time zone's UTC offsets over a span: `offsets[i]` holds before `transitions[i]`. */
export interface ZoneOffsets {
  /** Epoch seconds at which the offset changes, ascending. */
  readonly transitions: readonly number[];
  /** Offsets in seconds (local - UTC); one more than the transitions. */
  readonly offsets: readonly number[];
}

const SAMPLE_SECONDS = 6 * 3600;
const cache = new Map<string, ZoneOffsets>();

/**
 * The UTC offsets of IANA `zone` from 1 January of `fromYear` to 1 January of `toYear + 1`,
 * read from `Intl.DateTimeFormat` - the tz data the generator's LocalClock converts local
 * wall-clock times with. Gates convert timestamps with these rather than DuckDB's
 * `timezone()`, whose bundled ICU may carry other tz data: with DuckDB 1.5's,
 * America/Vancouver stays on UTC-7 after November 2026, where Node's tz 2025c returns to
 * UTC-8, which moved deaths in the ED to the day after the patient's exit. Samples every
 * 6 hours and bisects to the second at each change (offset changes are hours apart).
 */
export function zoneOffsets(zone: string, fromYear: number, toYear: number): ZoneOffsets {
  const key = `${zone}|${fromYear}|${toYear}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (seconds: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(seconds * 1000)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      parts.year!,
      parts.month! - 1,
      parts.day!,
      parts.hour!,
      parts.minute!,
      parts.second!,
    );
    return local / 1000 - seconds;
  };
  const start = Date.UTC(fromYear, 0, 1) / 1000 - 86_400;
  const end = Date.UTC(toYear + 1, 0, 1) / 1000 + 86_400;
  const transitions: number[] = [];
  const offsets = [offsetAt(start)];
  for (let t = start; t < end; t += SAMPLE_SECONDS) {
    const next = Math.min(t + SAMPLE_SECONDS, end);
    const after = offsetAt(next);
    if (after === offsets[offsets.length - 1]) continue;
    // The first second with the new offset.
    let low = t;
    let high = next;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle) === after) high = middle;
      else low = middle;
    }
    transitions.push(high);
    offsets.push(after);
  }
  const result = { transitions, offsets };
  cache.set(key, result);
  return result;
}
