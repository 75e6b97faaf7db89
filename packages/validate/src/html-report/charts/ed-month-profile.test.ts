import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edMonthProfile } from './ed-month-profile.js';

const chart = useChartContext();

describe('edMonthProfile', () => {
  it('counts start-year arrivals by local month beside the seasonal shares', async () => {
    const context = chart.context();
    const rows = await edMonthProfile.query(context);
    expect(rows).toHaveLength(ED_SUBSERVICES.length * 12);
    const arrivals = await startYearArrivals(context);
    for (const subservice of ED_SUBSERVICES) {
      const mine = rows.filter((row) => row.ed_subservice === subservice);
      for (const [month, row] of mine.entries()) {
        expect(row.visits).toBe(
          arrivals.filter((a) => a.subservice === subservice && a.local.getUTCMonth() === month)
            .length,
        );
      }
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 9);
    }
    expect(edMonthProfile.reading(rows, chart.context())).toMatch(/^Bars: .*Largest gap/);
  });
});
