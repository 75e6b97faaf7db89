import { chartSvg } from './chart-svg.js';
import type { ChartContext, ReportChart } from './chart-types.js';
import { dataTableHtml } from './data-table-html.js';
import { escapeHtml } from './escape-html.js';

/**
 * One chart as a figure: title, the one-line reading, the inline SVG and the numbers behind
 * it in a collapsible table. A chart whose tables the dataset lacks (e.g. --no-ip) is a
 * figure saying so, so every chart has its place in the page.
 */
export async function chartFigureHtml(chart: ReportChart, context: ChartContext): Promise<string> {
  const side = chart.compare ? context.compare : context;
  const missing = side ? chart.tables.filter((table) => !side.rowCounts.has(table)) : chart.tables;
  const heading = `<h3>${escapeHtml(chart.title)}</h3>`;
  if (!side || missing.length > 0) {
    const why = side
      ? `the dataset has no ${missing.join(', ')}`
      : 'it compares two datasets (--compare)';
    return `<figure class="chart missing" id="${chart.id}" data-chart="${chart.id}">${heading}<p class="reading">Not drawn: ${escapeHtml(why)}.</p></figure>`;
  }
  const rows = await chart.query(context);
  const reading = chart.reading(rows, context);
  const svg = await chartSvg(chart.spec(rows, context), chart.id, chart.title, reading);
  return `<figure class="chart" id="${chart.id}" data-chart="${chart.id}">
<figcaption>${heading}<p class="reading">${escapeHtml(reading)}</p></figcaption>
<div class="svg">${svg}</div>
${dataTableHtml('Numbers behind the chart', chart.columns, rows)}
</figure>`;
}
