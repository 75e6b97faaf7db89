import { describe, expect, it } from 'vitest';
import { calendarDays } from './calendar-days.js';

describe('calendarDays', () => {
  it('lists the days of the years with weekday (Monday 0) and month', () => {
    const days = calendarDays(2024, 2025);
    expect(days).toHaveLength(366 + 365);
    // 1 January 2024 was a Monday; 31 December 2025 a Wednesday.
    expect(days[0]).toEqual({ year: 2024, month: 0, weekday: 0 });
    expect(days.at(-1)).toEqual({ year: 2025, month: 11, weekday: 2 });
  });
});
