import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edHourProfile } from './ed-hour-profile.js';

const chart = useChartContext();

describe('edHourProfile', () => {
  it('counts start-year arrivals by local hour, as Node converts them, beside the hourly profile', async () => {
    const context = chart.context();
    const rows = await edHourProfile.query(context);
    expect(rows).toHaveLength(ED_SUBSERVICES.length * 24);
    const arrivals = await startYearArrivals(context);
    for (const subservice of ED_SUBSERVICES) {
      const mine = rows.filter((row) => row.ed_subservice === subservice);
      for (const [hour, row] of mine.entries()) {
        expect(row.visits, `${subservice} ${hour}`).toBe(
          arrivals.filter((a) => a.subservice === subservice && a.local.getUTCHours() === hour)
            .length,
        );
      }
      expect(sumOf(mine, 'share')).toBeCloseTo(1, 9);
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 9);
    }
  });
});
