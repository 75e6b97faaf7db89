import { describe, expect, it } from 'vitest';
import { localDateSql } from '../../dataset/local-date-sql.js';
import { useChartContext } from '../test-chart-context.js';
import { sumOf } from '../test-sum.js';
import { alcShare } from './alc-share.js';

const chart = useChartContext();

describe('alcShare', () => {
  it('counts the start-year ALC stays of each program beside the configured probabilities', async () => {
    const context = chart.context();
    const rows = await alcShare.query(context);
    expect(rows).toHaveLength(context.scenario.programs.length);
    const where = `${localDateSql('admit_ts', context.run, 'year')} = ${context.run.startYear}`;
    expect(sumOf(rows, 'stays')).toBe(
      await context.sql.scalar(`SELECT count(*) FROM ip_stays WHERE ${where}`),
    );
    expect(sumOf(rows, 'alc_stays')).toBe(
      await context.sql.scalar(`SELECT count(*) FROM ip_stays WHERE alc_flag AND ${where}`),
    );
    const stays = sumOf(rows, 'stays');
    const expected = rows.reduce(
      (sum, row) => sum + Number(row.expected_share ?? 0) * Number(row.stays),
      0,
    );
    // Overall ALC share within 4 points of the configured one.
    expect(Math.abs(sumOf(rows, 'alc_stays') - expected) / stays).toBeLessThan(0.04);
  });
});
