import { defaultScenario, type Scenario } from '@lm-synth/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDimDate } from './build-dim-date.js';

const scenario = defaultScenario();
const columns = buildDimDate(scenario);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const row = (iso: string) => {
  const index = columns.date.indexOf(day(iso));
  expect(index, iso).toBeGreaterThanOrEqual(0);
  return {
    year: columns.year[index],
    month: columns.month[index],
    day: columns.day[index],
    fiscal_year: columns.fiscal_year[index],
    fiscal_year_label: columns.fiscal_year_label[index],
    fiscal_period: columns.fiscal_period[index],
    fiscal_quarter: columns.fiscal_quarter[index],
    iso_year: columns.iso_year[index],
    iso_week: columns.iso_week[index],
    weekday: columns.weekday[index],
    weekday_name: columns.weekday_name[index],
    is_weekend: columns.is_weekend[index],
  };
};

describe('buildDimDate', () => {
  it('covers every day from January 1 of the start year to December 31 of the last year', () => {
    expect(columns.date[0]).toBe(day('2025-01-01'));
    expect(columns.date.at(-1)).toBe(day('2034-12-31'));
    // 2025-2034 holds two leap days, in 2028 and 2032.
    expect(columns.date.length).toBe(10 * 365 + 2);
    for (let i = 1; i < columns.date.length; i++)
      expect(columns.date[i]! - columns.date[i - 1]!).toBe(1);
    const short = buildDimDate({ ...scenario, startYear: 2024, endYear: 2024 } as Scenario);
    expect(short.date.length).toBe(366);
  });

  it('switches fiscal year at the April 1 boundary', () => {
    expect(row('2025-03-31')).toMatchObject({
      fiscal_year: 2024,
      fiscal_year_label: 'FY2024/25',
      fiscal_period: 12,
      fiscal_quarter: 4,
    });
    expect(row('2025-04-01')).toMatchObject({
      fiscal_year: 2025,
      fiscal_year_label: 'FY2025/26',
      fiscal_period: 1,
      fiscal_quarter: 1,
    });
    expect(row('2025-12-31')).toMatchObject({
      fiscal_year: 2025,
      fiscal_period: 9,
      fiscal_quarter: 3,
    });
    expect(row('2026-01-01')).toMatchObject({
      fiscal_year: 2025,
      fiscal_period: 10,
      fiscal_quarter: 4,
    });
    expect(row('2029-07-15')).toMatchObject({ fiscal_year: 2029, fiscal_year_label: 'FY2029/30' });
  });

  it('numbers ISO weeks and weekdays (Monday = 1) across year ends', () => {
    expect(row('2025-01-01')).toMatchObject({
      weekday: 3,
      weekday_name: 'Wednesday',
      iso_year: 2025,
      iso_week: 1,
    });
    expect(row('2025-12-29')).toMatchObject({ weekday: 1, iso_year: 2026, iso_week: 1 });
    expect(row('2026-01-04')).toMatchObject({
      weekday: 7,
      is_weekend: true,
      iso_year: 2026,
      iso_week: 1,
    });
    expect(row('2027-01-01')).toMatchObject({ weekday: 5, iso_year: 2026, iso_week: 53 });
    expect(row('2027-01-03')).toMatchObject({ iso_year: 2026, iso_week: 53 });
    expect(row('2027-01-04')).toMatchObject({ iso_year: 2027, iso_week: 1 });
    expect(row('2032-02-29')).toMatchObject({ year: 2032, month: 2, day: 29, weekday: 7 });
  });

  it('agrees with the calendar for any day: date parts, weekday, ISO week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: columns.date.length - 1 }), (i) => {
        const date = new Date(columns.date[i]! * 86_400_000);
        expect([columns.year[i], columns.month[i], columns.day[i]]).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
        expect(columns.weekday[i]).toBe(((date.getUTCDay() + 6) % 7) + 1);
        expect(columns.is_weekend[i]).toBe(date.getUTCDay() === 0 || date.getUTCDay() === 6);
        // ISO 8601: week 1 is the week with January 4; count Mondays from its Monday.
        const jan4 = Date.UTC(columns.iso_year[i]!, 0, 4) / 86_400_000;
        const week1Monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7);
        expect(columns.iso_week[i]).toBe(Math.floor((columns.date[i]! - week1Monday) / 7) + 1);
        expect(columns.iso_week[i]).toBeGreaterThanOrEqual(1);
        expect(columns.iso_week[i]).toBeLessThanOrEqual(53);
      }),
      { numRuns: 500 },
    );
  });
});
