import { describe, expect, it } from 'vitest';
import { chartNumber } from '../chart-number.js';
import { useChartContext } from '../test-chart-context.js';
import { lhaGrowth } from './lha-growth.js';

const chart = useChartContext();

describe('lhaGrowth', () => {
  it("gives each LHA's projected growth, which follows its configured compound growth", async () => {
    const context = chart.context();
    const rows = await lhaGrowth.query(context);
    expect(rows).toHaveLength(context.scenario.lhas.length);
    for (const row of rows) {
      expect(chartNumber(row.growth)).toBeCloseTo(
        chartNumber(row.last_population) / chartNumber(row.first_population) - 1,
        12,
      );
      // The projection keeps each LHA's total at round(base x (1 + growth)^t).
      expect(Math.abs(chartNumber(row.growth) - chartNumber(row.configured_growth))).toBeLessThan(
        1e-4,
      );
    }
  });
});
