import { AGE_GROUPS, ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { startYearArrivals } from '../test-start-year-visits.js';
import { sumOf } from '../test-sum.js';
import { edRatesByAge } from './ed-rates-by-age.js';

const chart = useChartContext();

describe('edRatesByAge', () => {
  it('divides weighted start-year visits by the start-year population, beside the configured rates', async () => {
    const context = chart.context();
    const rows = await edRatesByAge.query(context);
    expect(rows).toHaveLength(AGE_GROUPS.length * ED_SUBSERVICES.length);
    const arrivals = await startYearArrivals(context);
    const weighted = arrivals.reduce((sum, arrival) => sum + arrival.weight, 0);
    expect(sumOf(rows, 'weighted_visits')).toBeCloseTo(weighted, 3);
    const population = await context.sql.scalar(
      `SELECT sum(population) FROM population_projection WHERE year = ${context.run.startYear}`,
    );
    const observed = sumOf(rows, 'weighted_visits') / population;
    const expected =
      rows.reduce((sum, row) => sum + Number(row.expected_rate) * Number(row.population), 0) /
      1000 /
      population;
    // All ages at 2,000 patients (about 800 start-year visits): with the scenario's negative
    // binomial dispersion (0.35, realistic frequent users) a patient's visits have variance
    // m + m^2 / 0.35, so the total's relative standard error is about 5%; 20% is 4 SE.
    expect(observed / expected).toBeGreaterThan(0.8);
    expect(observed / expected).toBeLessThan(1.2);
    for (const row of rows) expect(Number(row.expected_rate)).toBeGreaterThanOrEqual(0);
  });
});
