import { describe, expect, it } from 'vitest';
import { localDateSql } from '../../dataset/local-date-sql.js';
import { useChartContext } from '../test-chart-context.js';
import { sumOf } from '../test-sum.js';
import { admissionRoutes } from './admission-routes.js';

const chart = useChartContext();

describe('admissionRoutes', () => {
  it('counts stays by year and route over the horizon', async () => {
    const context = chart.context();
    const rows = await admissionRoutes.query(context);
    const year = localDateSql('admit_ts', context.run, 'year');
    expect(sumOf(rows, 'stays')).toBe(
      await context.sql.scalar(
        `SELECT count(*) FROM ip_stays WHERE ${year} BETWEEN ${context.run.startYear} AND ${context.run.startYear + context.run.horizonYears - 1}`,
      ),
    );
    const years = new Set(rows.map((row) => row.year));
    expect(years.size).toBe(context.run.horizonYears);
    for (const y of years)
      expect(
        sumOf(
          rows.filter((row) => row.year === y),
          'share',
        ),
      ).toBeCloseTo(1, 9);
    // Each route's share of the stays follows the configured routes of their programs.
    for (const source of ['ED', 'Elective', 'Direct']) {
      const mine = rows.filter((row) => row.admission_source === source);
      const expected = mine.reduce(
        (sum, row) =>
          sum +
          Number(row.configured_share) *
            sumOf(
              rows.filter((entry) => entry.year === row.year),
              'stays',
            ),
        0,
      );
      expect(Math.abs(sumOf(mine, 'stays') - expected) / sumOf(rows, 'stays'), source).toBeLessThan(
        0.03,
      );
    }
    expect(
      rows
        .filter((row) => row.admission_source === 'Transfer')
        .every((row) => row.configured_share === null),
    ).toBe(true);
  });
});
