import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { sumOf } from '../test-sum.js';
import { populationPyramid } from './population-pyramid.js';

const chart = useChartContext();

describe('populationPyramid', () => {
  it('holds every age group x gender of the first and last projection years', async () => {
    const context = chart.context();
    const rows = await populationPyramid.query(context);
    const { startYear, horizonYears } = context.run;
    const years = [String(startYear), String(startYear + horizonYears - 1)];
    expect(rows).toHaveLength(2 * AGE_GROUPS.length * GENDERS.length);
    for (const year of years) {
      const mine = rows.filter((row) => row.year === year);
      expect(sumOf(mine, 'share')).toBeCloseTo(1, 9);
      const total = await context.sql.scalar(
        `SELECT sum(population) FROM population_projection WHERE year = ${year}`,
      );
      expect(sumOf(mine, 'population')).toBe(total);
    }
    expect(populationPyramid.reading(rows, context)).toMatch(
      /65 and over goes from .*% in 2025 to .*% in 2034/,
    );
  });
});
