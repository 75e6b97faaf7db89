import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { siteOccupancy } from './site-occupancy.js';

const chart = useChartContext();

describe('siteOccupancy', () => {
  it('averages daily occupancy per site and month over the whole horizon', async () => {
    const context = chart.context();
    const rows = await siteOccupancy.query(context);
    const sites = context.scenario.sites.length;
    expect(rows).toHaveLength(sites * 12 * context.run.horizonYears);
    const row = rows.find(
      (entry) =>
        String(entry.site).startsWith(context.scenario.sites[0]!.code) &&
        entry.month === `${context.run.startYear}-07`,
    )!;
    const mean = await context.sql.scalar(`
      SELECT avg(CAST(occupancy AS DOUBLE)) FROM capacity_daily
      WHERE site_id = 1 AND date >= DATE '${context.run.startYear}-07-01' AND date < DATE '${context.run.startYear}-08-01'`);
    expect(Number(row.occupancy)).toBeCloseTo(mean, 9);
    expect(Number(row.t)).toBeCloseTo(context.run.startYear + 6 / 12, 9);
  });
});
