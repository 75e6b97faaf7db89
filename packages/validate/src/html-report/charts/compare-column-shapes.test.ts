import { describe, expect, it } from 'vitest';
import { useChartContext } from '../test-chart-context.js';
import { compareColumnShapes } from './compare-column-shapes.js';

const chart = useChartContext({ compare: true });

describe('compareColumnShapes', () => {
  it('scores 1 for every column of a dataset against itself', async () => {
    const context = chart.context();
    const rows = await compareColumnShapes.query({ ...context, compare: context });
    expect(rows.length).toBeGreaterThanOrEqual(14);
    for (const row of rows) expect(row.score).toBeCloseTo(1, 12);
  });

  it('scores another sample of the same scenario close to, but below, 1', async () => {
    const rows = await compareColumnShapes.query(chart.context());
    const scores = rows.map((row) => Number(row.score));
    expect(Math.min(...scores)).toBeGreaterThan(0.85);
    expect(Math.min(...scores)).toBeLessThan(1);
    expect(rows.find((row) => row.column === 'patients.age')?.metric).toBe('KS');
  });
});
