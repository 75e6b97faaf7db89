import { describe, expect, it } from 'vitest';
import { chartNumber } from '../chart-number.js';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edVolumes } from './ed-volumes.js';

const chart = useChartContext();

describe('edVolumes', () => {
  it('weights every start-year visit once, beside the routed projection of the start year', async () => {
    const context = chart.context();
    const rows = await edVolumes.query(context);
    const arrivals = await startYearArrivals(context);
    expect(sumOf(rows, 'visits')).toBe(arrivals.length);
    expect(sumOf(rows, 'observed')).toBeCloseTo(
      arrivals.reduce((sum, arrival) => sum + arrival.weight, 0),
      3,
    );
    const projected = await context.sql.scalar(
      `SELECT sum(projected_volumes) FROM v_ed_volume_projection_routed WHERE year = ${context.run.startYear}`,
    );
    expect(sumOf(rows, 'expected')).toBeCloseTo(projected, 1);
    for (const row of rows) {
      expect(chartNumber(row.low)).toBeLessThanOrEqual(chartNumber(row.observed));
      expect(chartNumber(row.high)).toBeGreaterThanOrEqual(chartNumber(row.observed));
    }
    // A correct dataset: the projection falls inside most 95% intervals.
    const inside = rows.filter(
      (row) =>
        chartNumber(row.low) <= chartNumber(row.expected) &&
        chartNumber(row.expected) <= chartNumber(row.high),
    );
    expect(inside.length).toBeGreaterThanOrEqual(0.8 * rows.length);
  });
});
