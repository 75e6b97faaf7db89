import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edWeekdayProfile } from './ed-weekday-profile.js';

const chart = useChartContext();

describe('edWeekdayProfile', () => {
  it('counts start-year arrivals by local weekday (Monday first) beside the expected shares', async () => {
    const context = chart.context();
    const rows = await edWeekdayProfile.query(context);
    expect(rows.map((row) => row.label).slice(0, 7)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    const arrivals = await startYearArrivals(context);
    for (const subservice of ED_SUBSERVICES) {
      const mine = rows.filter((row) => row.ed_subservice === subservice);
      for (const [weekday, row] of mine.entries()) {
        expect(row.visits).toBe(
          arrivals.filter(
            (a) => a.subservice === subservice && (a.local.getUTCDay() + 6) % 7 === weekday,
          ).length,
        );
      }
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 9);
    }
    // 2025 has 53 Wednesdays: with a flat profile Wednesday would expect 53/365.
    const adult = rows.filter((row) => row.ed_subservice === 'Adult ED');
    expect(
      adult.every((row) => Number(row.expected_share) > 0.1 && Number(row.expected_share) < 0.2),
    ).toBe(true);
  });
});
