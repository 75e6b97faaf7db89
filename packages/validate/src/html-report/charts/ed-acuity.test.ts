import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edAcuity } from './ed-acuity.js';

const chart = useChartContext();

describe('edAcuity', () => {
  it('shares of CTAS levels per subservice, beside the configured mix for the visits’ ages', async () => {
    const context = chart.context();
    const rows = await edAcuity.query(context);
    expect(rows).toHaveLength(ED_SUBSERVICES.length * 5);
    expect(sumOf(rows, 'visits')).toBe((await startYearArrivals(context)).length);
    for (const subservice of ED_SUBSERVICES) {
      const mine = rows.filter((row) => row.ed_subservice === subservice);
      if (sumOf(mine, 'visits') === 0) continue;
      expect(sumOf(mine, 'share')).toBeCloseTo(1, 9);
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 9);
    }
    // CTAS 3 is the most common level of Adult ED visits, in the data as configured.
    const adult = rows.filter((row) => row.ed_subservice === 'Adult ED');
    const top = (key: string) =>
      [...adult].sort((a, b) => Number(b[key]) - Number(a[key]))[0]!.category;
    expect(top('share')).toBe(top('expected_share'));
  });
});
