import type { ChartColumn, ChartRow } from './chart-types.js';
import { escapeHtml } from './escape-html.js';
import { formatCell } from './format-cell.js';

/**
 * The numbers behind a chart as a collapsible table: closed on screen, and opened for
 * print by the page's print style, so the printed report carries every figure.
 */
export function dataTableHtml(
  caption: string,
  columns: readonly ChartColumn[],
  rows: readonly ChartRow[],
): string {
  const head = columns
    .map(
      (column) =>
        `<th scope="col"${column.format === 'text' ? '' : ' class="num"'}>${escapeHtml(column.label)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns
          .map((column) => {
            const text = escapeHtml(formatCell(row[column.key], column.format));
            return column.format === 'text' ? `<td>${text}</td>` : `<td class="num">${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<details class="data"><summary>${escapeHtml(caption)} (${rows.length} rows)</summary>
<div class="scroll"><table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div></details>`;
}
