import { describe, expect, it } from 'vitest';
import { chartFigureHtml } from './chart-figure-html.js';
import type { ChartContext, ReportChart } from './chart-types.js';
import { compareColumnShapes } from './charts/compare-column-shapes.js';
import { edHourProfile } from './charts/ed-hour-profile.js';

const chart: ReportChart = {
  id: 'test-bars',
  section: 'ed',
  title: 'Test <bars>',
  tables: ['patients'],
  columns: [
    { key: 'name', label: 'Name', format: 'text' },
    { key: 'n', label: 'Count', format: 'integer' },
  ],
  query: async () => [
    { name: 'a & b', n: 1234 },
    { name: 'c', n: 5 },
  ],
  spec: (rows) => ({
    data: { values: rows.map((row) => ({ ...row })) },
    mark: 'bar',
    encoding: { x: { field: 'name', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
  }),
  reading: (rows) => `${rows.length} bars.`,
};

const context = { rowCounts: new Map([['patients', 2]]) } as unknown as ChartContext;

describe('chartFigureHtml', () => {
  it('is a figure with the reading, the accessible SVG and the numbers in a collapsible table', async () => {
    const html = await chartFigureHtml(chart, context);
    expect(html).toMatch(/^<figure class="chart" id="test-bars" data-chart="test-bars">/);
    expect(html).toContain('<h3>Test &lt;bars&gt;</h3><p class="reading">2 bars.</p>');
    expect(html).toContain('<desc id="test-bars-desc">2 bars.</desc>');
    expect(html).toContain('<summary>Numbers behind the chart (2 rows)</summary>');
    expect(html).toContain('<tr><td>a &amp; b</td><td class="num">1,234</td></tr>');
  });

  it('says why a chart is not drawn: a table the dataset lacks, or no --compare', async () => {
    expect(await chartFigureHtml(edHourProfile, context)).toContain(
      '<p class="reading">Not drawn: the dataset has no ed_encounters.</p>',
    );
    expect(await chartFigureHtml(compareColumnShapes, context)).toContain(
      'Not drawn: it compares two datasets (--compare).',
    );
  });
});
