/** A local calendar day of the horizon: its weekday (0 = Monday) and month (0-11). */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly weekday: number;
}

/**
 * Every calendar day from 1 January of `firstYear` to 31 December of `lastYear`, as the
 * wall-clock calendar the generator lays its day weights on (a calendar day's weekday and
 * month do not depend on the time zone).
 */
export function calendarDays(firstYear: number, lastYear: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let t = Date.UTC(firstYear, 0, 1); t < Date.UTC(lastYear + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t);
    days.push({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth(),
      weekday: (date.getUTCDay() + 6) % 7,
    });
  }
  return days;
}
