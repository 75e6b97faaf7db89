import { describe, expect, it } from 'vitest';
import { localDateSql } from '../../dataset/local-date-sql.js';
import { useChartContext } from '../test-chart-context.js';
import { sumOf } from '../test-sum.js';
import { losByProgram } from './los-by-program.js';

const chart = useChartContext();

describe('losByProgram', () => {
  it('bands every stay admitted from the start year on, beside the configured distribution', async () => {
    const context = chart.context();
    const rows = await losByProgram.query(context);
    const stays = await context.sql.scalar(
      `SELECT count(*) FROM ip_stays WHERE ${localDateSql('admit_ts', context.run, 'year')} >= ${context.run.startYear}`,
    );
    expect(sumOf(rows, 'stays')).toBe(stays);
    const short = await context.sql.scalar(
      `SELECT count(*) FROM ip_stays WHERE los_days < 1 AND ${localDateSql('admit_ts', context.run, 'year')} >= ${context.run.startYear}`,
    );
    expect(
      sumOf(
        rows.filter((row) => row.band === '0.25–1'),
        'stays',
      ),
    ).toBe(short);
    for (const program of new Set(rows.map((row) => row.program))) {
      const mine = rows.filter((row) => row.program === program);
      expect(sumOf(mine, 'share')).toBeCloseTo(1, 9);
      expect(sumOf(mine, 'expected_share')).toBeCloseTo(1, 6);
    }
    // The data follows its configured distribution: shares within 12 points in every band of
    // the programs with at least 200 stays.
    for (const program of new Set(rows.map((row) => row.program))) {
      const mine = rows.filter((row) => row.program === program);
      if (sumOf(mine, 'stays') < 200) continue;
      for (const row of mine) {
        expect(
          Math.abs(Number(row.share) - Number(row.expected_share)),
          `${program} ${row.band}`,
        ).toBeLessThan(0.12);
      }
    }
  });
});
