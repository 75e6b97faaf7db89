import { ED_DISPOSITIONS, ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { sumOf } from '../test-sum.js';
import { edDisposition } from './ed-disposition.js';

const chart = useChartContext();

describe('edDisposition', () => {
  it('shares of dispositions per subservice, matching the dataset and the configured mix', async () => {
    const context = chart.context();
    const rows = await edDisposition.query(context);
    expect(rows).toHaveLength(ED_SUBSERVICES.length * ED_DISPOSITIONS.length);
    const admitted = await context.sql.scalar(
      `SELECT count(*) FROM ed_encounters WHERE dispo = 'Admitted' AND year(arrival_ts) = ${context.run.startYear}
         AND month(arrival_ts) BETWEEN 2 AND 11`,
    );
    // Every Admitted visit of February-November (the same on the UTC and local calendars) is counted.
    expect(
      sumOf(
        rows.filter((row) => row.category === 'Admitted'),
        'visits',
      ),
    ).toBeGreaterThanOrEqual(admitted);
    for (const subservice of ED_SUBSERVICES) {
      const mine = rows.filter((row) => row.ed_subservice === subservice);
      if (sumOf(mine, 'visits') === 0) continue;
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 9);
      const discharged = mine.find((row) => row.category === 'Discharged')!;
      // Most visits end in discharge, in the data as configured.
      expect(Number(discharged.share)).toBeGreaterThan(0.5);
      expect(Number(discharged.expected_share)).toBeGreaterThan(0.5);
    }
  });
});
