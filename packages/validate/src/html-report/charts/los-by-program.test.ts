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
      `SELECT count(*) FROM ip_stays WHERE los_days - alc_days < 1 AND ${localDateSql('admit_ts', context.run, 'year')} >= ${context.run.startYear}`,
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
    // The configured curve peaks where the data does, within one band, in programs with at
    // least 200 stays. (Not closer: discharge timing and the episode model move LOS off the
    // configured lognormal, which is what this chart is there to show.)
    const peak = (mine: typeof rows, key: string) =>
      mine.reduce((best, row, i) => (Number(row[key]) > Number(mine[best]![key]) ? i : best), 0);
    for (const program of new Set(rows.map((row) => row.program))) {
      const mine = rows.filter((row) => row.program === program);
      if (sumOf(mine, 'stays') < 200) continue;
      expect(
        Math.abs(peak(mine, 'share') - peak(mine, 'expected_share')),
        String(program),
      ).toBeLessThanOrEqual(1);
    }
  });
});
