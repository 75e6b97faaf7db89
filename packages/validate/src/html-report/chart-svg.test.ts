import { describe, expect, it } from 'vitest';
import { chartSvg } from './chart-svg.js';

describe('chartSvg', () => {
  it('renders a Vega-Lite spec to an accessible SVG with a title and a description', async () => {
    const svg = await chartSvg(
      {
        data: {
          values: [
            { a: 'x', b: 1 },
            { a: 'y', b: 2 },
          ],
        },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
      },
      'test-chart',
      'Bars & <things>',
      'Two bars: x is 1, y is 2.',
    );
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="test-chart-title test-chart-desc" /);
    expect(svg).toContain('<title id="test-chart-title">Bars &amp; &lt;things&gt;</title>');
    expect(svg).toContain('<desc id="test-chart-desc">Two bars: x is 1, y is 2.</desc>');
    expect(svg.match(/<path[^>]*class="[^"]*"/g)?.length ?? 0).toBeGreaterThan(0);
    expect(svg).not.toMatch(/<image|<script|href="http/);
    // Marks take the palette's first colour (Okabe-Ito blue), not Vega's default.
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).not.toContain('#4c78a8');
  });
});
