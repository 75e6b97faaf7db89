import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { comparePairTrends } from './compare-pair-trends.js';

const chart = useChartContext({ compare: true });

describe('comparePairTrends', () => {
  it("gives Cramér's V of 15 pairs on both sides and their similarity", async () => {
    const rows = await comparePairTrends.query(chart.context());
    expect(rows).toHaveLength(15 * 3);
    for (const row of rows) {
      expect(Number(row.value)).toBeGreaterThanOrEqual(0);
      expect(Number(row.value)).toBeLessThanOrEqual(1);
    }
    const v = (side: string) =>
      Number(
        rows.find((row) => row.x === 'lha_id' && row.y === 'facility_home_id' && row.side === side)
          ?.value,
      );
    // The home facility follows the LHA: a strong association on both sides, reproduced.
    expect(v('this dataset')).toBeGreaterThan(0.5);
    expect(v('similarity')).toBeCloseTo(1 - Math.abs(v('this dataset') - v('other dataset')), 12);
    expect(v('similarity')).toBeGreaterThan(0.9);
  });

  it('finds a dataset identical to itself', async () => {
    const context = chart.context();
    const rows = await comparePairTrends.query({ ...context, compare: context });
    for (const row of rows.filter((entry) => entry.side === 'similarity'))
      expect(row.value).toBe(1);
  });
});
