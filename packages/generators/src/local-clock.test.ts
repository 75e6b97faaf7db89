import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { civilDate } from './civil-date.js';
import { LocalClock } from './local-clock.js';

const HOUR = 3_600;
const DAY = 86_400;
const day = civilDate.parse;
const utc = (iso: string) => Date.parse(iso) / 1000;

/** Local wall-clock time of an instant as seconds since 1970-01-01 local, straight from Intl (sv-SE writes ISO-like dates). */
function intlWall(timeZone: string): (utcSeconds: number) => number {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (utcSeconds) =>
    Date.parse(`${format.format(new Date(utcSeconds * 1000)).replace(' ', 'T')}Z`) / 1000;
}

const SPAN = [day('2020-01-01'), day('2032-12-31')] as const;

describe('LocalClock in America/Vancouver', () => {
  const clock = new LocalClock('America/Vancouver', ...SPAN);

  it('skips 02:00-03:00 on 2025-03-09: gap times move forward by the hour, the day is 23 h', () => {
    const d = day('2025-03-09');
    expect(clock.midnight(d)).toBe(utc('2025-03-09T08:00:00Z'));
    expect(clock.toUtc(d, 2 * HOUR - 1)).toBe(utc('2025-03-09T09:59:59Z'));
    expect(clock.toUtc(d, 2 * HOUR)).toBe(utc('2025-03-09T10:00:00Z'));
    expect(clock.toUtc(d, 2.5 * HOUR)).toBe(utc('2025-03-09T10:30:00Z'));
    expect(clock.toUtc(d, 3 * HOUR)).toBe(utc('2025-03-09T10:00:00Z'));
    expect(clock.toUtc(d, 12 * HOUR)).toBe(utc('2025-03-09T19:00:00Z'));
    expect(clock.midnight(d + 1) - clock.midnight(d)).toBe(23 * HOUR);
  });

  it('repeats 01:00-02:00 on 2025-11-02: repeated times take the daylight instant, the day is 25 h', () => {
    const d = day('2025-11-02');
    expect(clock.midnight(d)).toBe(utc('2025-11-02T07:00:00Z'));
    expect(clock.toUtc(d, HOUR - 1)).toBe(utc('2025-11-02T07:59:59Z'));
    expect(clock.toUtc(d, 1.5 * HOUR)).toBe(utc('2025-11-02T08:30:00Z'));
    expect(clock.toUtc(d, 2 * HOUR)).toBe(utc('2025-11-02T10:00:00Z'));
    expect(clock.midnight(d + 1) - clock.midnight(d)).toBe(25 * HOUR);
    // The second 01:30 (PST) is still 2 November.
    expect(clock.localDayOf(utc('2025-11-02T09:30:00Z'))).toBe(d);
    expect(clock.localDayOf(utc('2025-11-03T07:59:59Z'))).toBe(d);
    expect(clock.localDayOf(utc('2025-11-03T08:00:00Z'))).toBe(d + 1);
  });

  it('round-trips every local day of the span: each second of the day stays on its day', () => {
    for (let d = SPAN[0]; d <= SPAN[1]; d++) {
      const start = clock.midnight(d);
      const end = d < SPAN[1] ? clock.midnight(d + 1) : clock.toUtc(d, DAY - 1) + 1;
      expect(end - start).toBeGreaterThanOrEqual(23 * HOUR);
      expect(end - start).toBeLessThanOrEqual(25 * HOUR);
      expect(clock.localDayOf(start)).toBe(d);
      expect(clock.localDayOf(end - 1)).toBe(d);
      for (const second of [0, 5_399, 9_000, 43_200, DAY - 1])
        expect(clock.localDayOf(clock.toUtc(d, second))).toBe(d);
    }
  });

  it('refuses days and instants outside its span', () => {
    expect(() => clock.toUtc(SPAN[0] - 1, 0)).toThrow(RangeError);
    expect(() => clock.toUtc(SPAN[1] + 1, 0)).toThrow(RangeError);
    expect(() => clock.toUtc(SPAN[0], DAY)).toThrow(RangeError);
    expect(() => clock.localDayOf(clock.midnight(SPAN[0]) - 1)).toThrow(RangeError);
    expect(() => clock.localDayOf(clock.toUtc(SPAN[1], DAY - 1) + 1)).toThrow(RangeError);
  });
});

describe('LocalClock in Australia/Sydney (southern hemisphere)', () => {
  const clock = new LocalClock('Australia/Sydney', ...SPAN);

  it('falls back on 2025-04-06 (03:00 AEDT to 02:00 AEST) and springs forward on 2025-10-05', () => {
    const april = day('2025-04-06');
    expect(clock.midnight(april)).toBe(utc('2025-04-05T13:00:00Z'));
    expect(clock.toUtc(april, 2.5 * HOUR)).toBe(utc('2025-04-05T15:30:00Z'));
    expect(clock.toUtc(april, 3 * HOUR)).toBe(utc('2025-04-05T17:00:00Z'));
    expect(clock.midnight(april + 1) - clock.midnight(april)).toBe(25 * HOUR);
    const october = day('2025-10-05');
    expect(clock.toUtc(october, 2.5 * HOUR)).toBe(utc('2025-10-04T16:30:00Z'));
    expect(clock.midnight(october + 1) - clock.midnight(october)).toBe(23 * HOUR);
  });
});

describe('LocalClock in America/Santiago (transitions at midnight)', () => {
  const clock = new LocalClock('America/Santiago', ...SPAN);

  it('repeats 23:00-24:00 on 2025-04-05 and starts 2025-09-07 at 01:00', () => {
    const april = day('2025-04-05');
    expect(clock.toUtc(april, 23.5 * HOUR)).toBe(utc('2025-04-06T02:30:00Z'));
    expect(clock.midnight(april + 1)).toBe(utc('2025-04-06T04:00:00Z'));
    expect(clock.midnight(april + 1) - clock.midnight(april)).toBe(25 * HOUR);
    expect(clock.localDayOf(utc('2025-04-06T03:30:00Z'))).toBe(april);
    const september = day('2025-09-07');
    expect(clock.midnight(september)).toBe(utc('2025-09-07T04:00:00Z'));
    expect(clock.localDayOf(utc('2025-09-07T03:59:59Z'))).toBe(september - 1);
    expect(clock.midnight(september + 1) - clock.midnight(september)).toBe(23 * HOUR);
  });
});

describe('LocalClock without daylight saving', () => {
  it('is the identity in UTC', () => {
    const clock = new LocalClock('UTC', ...SPAN);
    fc.assert(
      fc.property(
        fc.integer({ min: SPAN[0], max: SPAN[1] }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (d, s) => {
          expect(clock.toUtc(d, s)).toBe(d * DAY + s);
          expect(clock.localDayOf(d * DAY + s)).toBe(d);
        },
      ),
    );
  });

  it('applies a fixed half-hour offset in Asia/Kolkata', () => {
    const clock = new LocalClock('Asia/Kolkata', ...SPAN);
    for (let d = SPAN[0]; d <= SPAN[1]; d += 97)
      expect(clock.midnight(d)).toBe(d * DAY - 5.5 * HOUR);
  });
});

describe('LocalClock agrees with Intl.DateTimeFormat', () => {
  const zones = [
    'America/Vancouver',
    'America/St_Johns',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Europe/London',
    'Africa/Casablanca',
    'Pacific/Chatham',
    'Asia/Tehran',
    'UTC',
  ];
  const first = SPAN[0] * DAY;
  const last = (SPAN[1] + 1) * DAY - 1;

  it.each(zones)('%s: the local day of random instants', (zone) => {
    const clock = new LocalClock(zone, ...SPAN);
    const wall = intlWall(zone);
    fc.assert(
      fc.property(fc.integer({ min: first + 2 * DAY, max: last - 2 * DAY }), (t) => {
        expect(clock.localDayOf(t)).toBe(Math.floor(wall(t) / DAY));
      }),
      { numRuns: 2_000 },
    );
  });

  /** toUtc(d, s) is the earliest instant Intl shows as d, s; or, for a skipped time, the old offset carried past the transition. */
  function checkToUtc(
    clock: LocalClock,
    wall: (utcSeconds: number) => number,
    d: number,
    s: number,
  ) {
    const target = d * DAY + s;
    const t = clock.toUtc(d, s);
    const offsets = new Set([-2, -1, 0, 1, 2].map((k) => wall(t + k * DAY) - (t + k * DAY)));
    const instants = [...offsets].map((o) => target - o).filter((u) => wall(u) === target);
    if (instants.length > 0) expect(t).toBe(Math.min(...instants));
    else {
      expect(t).toBe(target - (wall(t - DAY) - (t - DAY)));
      expect(wall(t)).toBeGreaterThan(target);
    }
  }

  it.each(zones)(
    '%s: random wall-clock times map to their earliest instant, or past a gap',
    (zone) => {
      const clock = new LocalClock(zone, ...SPAN);
      const wall = intlWall(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: SPAN[0] + 2, max: SPAN[1] - 2 }),
          fc.integer({ min: 0, max: DAY - 1 }),
          (d, s) => checkToUtc(clock, wall, d, s),
        ),
        { numRuns: 2_000 },
      );
    },
  );

  it.each(zones)('%s: every quarter hour of every day that is not 24 h long', (zone) => {
    const clock = new LocalClock(zone, ...SPAN);
    const wall = intlWall(zone);
    let transitionDays = 0;
    for (let d = SPAN[0] + 2; d <= SPAN[1] - 2; d++) {
      if (clock.midnight(d + 1) - clock.midnight(d) === DAY) continue;
      transitionDays++;
      for (let s = 0; s < DAY; s += 900) checkToUtc(clock, wall, d, s);
    }
    if (zone !== 'UTC') expect(transitionDays).toBeGreaterThan(0);
  });
});

describe('LocalClock construction', () => {
  it('rejects an unknown zone and a reversed span', () => {
    expect(() => new LocalClock('Mars/Olympus_Mons', ...SPAN)).toThrow(RangeError);
    expect(() => new LocalClock('UTC', SPAN[1], SPAN[0])).toThrow(RangeError);
    expect(() => new LocalClock('UTC', 0.5, 3)).toThrow(RangeError);
  });

  it('covers a single day', () => {
    const d = day('2025-03-09');
    const clock = new LocalClock('America/Vancouver', d, d);
    expect(clock.toUtc(d, 3 * HOUR)).toBe(utc('2025-03-09T10:00:00Z'));
    expect(clock.localDayOf(utc('2025-03-10T06:59:59Z'))).toBe(d);
  });

  it('reads the same offsets from formatToParts when format() is not in the expected shape', () => {
    const [first, last] = [day('2025-01-01'), day('2025-12-31')];
    const expected = new LocalClock('America/Vancouver', first, last);
    // format is a getter returning a bound function.
    const format = vi
      .spyOn(Intl.DateTimeFormat.prototype as { format: unknown }, 'format', 'get')
      .mockReturnValue(() => 'unexpected');
    try {
      const clock = new LocalClock('America/Vancouver', first, last);
      expect(format).toHaveBeenCalled();
      for (let d = first; d <= last; d++) expect(clock.midnight(d)).toBe(expected.midnight(d));
      expect(clock.toUtc(day('2025-03-09'), 3 * HOUR)).toBe(utc('2025-03-09T10:00:00Z'));
    } finally {
      format.mockRestore();
    }
  });
});
