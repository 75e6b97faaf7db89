import type { TopLevelSpec } from 'vega-lite';
import { CHART_PALETTE } from './chart-palette.js';
import { escapeHtml } from './escape-html.js';

// Shared look: the colour-blind-safe palette, viridis for sequential scales (readable in
// grey and by colour-blind readers), a generic font so no font file is ever fetched.
const CONFIG = {
  background: 'white',
  font: 'sans-serif',
  mark: { color: CHART_PALETTE[0] },
  range: {
    category: [...CHART_PALETTE],
    heatmap: { scheme: 'viridis' },
    ramp: { scheme: 'viridis' },
  },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13 },
} as const;

// Loaded on the first chart: validate, which shares this package, never pays for them.
let modules: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/**
 * Renders a Vega-Lite spec to an SVG string in Node, with no browser and no DOM (Vega's
 * headless view, renderer 'none'), and makes it accessible: role="img", a <title> and a
 * <desc> named by aria-labelledby. `id` must be unique in the page (it prefixes the title
 * and description ids).
 */
export async function chartSvg(
  spec: TopLevelSpec,
  id: string,
  title: string,
  description: string,
): Promise<string> {
  const [{ parse, View }, { compile }] = await (modules ??= Promise.all([
    import('vega'),
    import('vega-lite'),
  ]));
  const { spec: vegaSpec } = compile({
    ...spec,
    config: { ...CONFIG, ...(spec.config ?? {}) },
  } as TopLevelSpec);
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return accessibleSvg(svg, id, title, description);
  } finally {
    view.finalize();
  }
}

function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) throw new Error(`chart ${id}: Vega returned no <svg> element`);
  const tag = svg
    .slice(0, open)
    .replace('<svg ', `<svg role="img" aria-labelledby="${id}-title ${id}-desc" `);
  return `${tag}><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${svg.slice(open + 1)}`;
}
