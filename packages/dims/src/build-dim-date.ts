import type { Scenario } from '@lm-synth/config/core';

export interface DimDateColumns {
  /** Days since 1970-01-01. */
  readonly date: Int32Array;
  readonly year: Int16Array;
  readonly month: Int8Array;
  readonly day: Int8Array;
  readonly fiscal_year: Int16Array;
  readonly fiscal_year_label: string[];
  readonly fiscal_period: Int8Array;
  readonly fiscal_quarter: Int8Array;
  readonly iso_year: Int16Array;
  readonly iso_week: Int8Array;
  readonly weekday: Int8Array;
  readonly weekday_name: string[];
  readonly is_weekend: boolean[];
}

const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const dayNumber = (year: number, month: number, day: number) =>
  Date.UTC(year, month - 1, day) / MS_PER_DAY;
const twoDigits = (year: number) => String(year % 100).padStart(2, '0');

/**
 * dim_date: every day from January 1 of the start year to December 31 of the
 * last projection year. Fiscal years run April-March and are named by the
 * year they start in; weeks and weekdays follow ISO 8601 (Monday = 1).
 */
export function buildDimDate(scenario: Scenario): DimDateColumns {
  const first = dayNumber(scenario.startYear, 1, 1);
  const count = dayNumber(scenario.endYear, 12, 31) - first + 1;
  const columns: DimDateColumns = {
    date: new Int32Array(count),
    year: new Int16Array(count),
    month: new Int8Array(count),
    day: new Int8Array(count),
    fiscal_year: new Int16Array(count),
    fiscal_year_label: new Array<string>(count),
    fiscal_period: new Int8Array(count),
    fiscal_quarter: new Int8Array(count),
    iso_year: new Int16Array(count),
    iso_week: new Int8Array(count),
    weekday: new Int8Array(count),
    weekday_name: new Array<string>(count),
    is_weekend: new Array<boolean>(count),
  };
  for (let i = 0; i < count; i++) {
    const days = first + i;
    const date = new Date(days * MS_PER_DAY);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const weekday = ((((days + 3) % 7) + 7) % 7) + 1;
    const fiscalYear = month >= 4 ? year : year - 1;
    const fiscalPeriod = month >= 4 ? month - 3 : month + 9;
    // The ISO week belongs to the year of its Thursday; week 1 holds January 4.
    const thursday = new Date((days + 4 - weekday) * MS_PER_DAY);
    const isoYear = thursday.getUTCFullYear();
    const isoWeek =
      Math.floor((thursday.getTime() / MS_PER_DAY - dayNumber(isoYear, 1, 1)) / 7) + 1;
    columns.date[i] = days;
    columns.year[i] = year;
    columns.month[i] = month;
    columns.day[i] = date.getUTCDate();
    columns.fiscal_year[i] = fiscalYear;
    columns.fiscal_year_label[i] = `FY${fiscalYear}/${twoDigits(fiscalYear + 1)}`;
    columns.fiscal_period[i] = fiscalPeriod;
    columns.fiscal_quarter[i] = Math.ceil(fiscalPeriod / 3);
    columns.iso_year[i] = isoYear;
    columns.iso_week[i] = isoWeek;
    columns.weekday[i] = weekday;
    columns.weekday_name[i] = WEEKDAY_NAMES[weekday - 1]!;
    columns.is_weekend[i] = weekday >= 6;
  }
  return columns;
}
