import type { DatasetManifest } from '@lm-synth/export-arrow';
import type { ValidationReport } from '../report/validation-report.js';
import { escapeHtml } from './escape-html.js';

const INTEGER = new Intl.NumberFormat('en-US');

/** Section 1: the run that made the dataset, its tables with rows and file sizes. */
export function overviewSectionHtml(
  report: ValidationReport,
  manifest: DatasetManifest,
  label: string,
): string {
  const { run, format } = report.dataset;
  const facts: [string, string][] = [
    ['Dataset', label],
    ['Format', format],
    [
      'Scenario',
      `${report.scenario.id} (${report.scenario.hash.slice(0, 19)}…, ${report.scenario.matchesDataset ? 'the one the dataset was generated from' : 'not the one the dataset names'})`,
    ],
    ['Seed', String(run.seed)],
    ['Patients (sample)', INTEGER.format(run.patients)],
    ['Projection years', `${run.startYear}–${run.startYear + run.horizonYears - 1}`],
    ['Reference date', run.referenceDate],
    ['Time zone', run.timeZone ?? 'UTC'],
    [
      'ED encounters / inpatient stays',
      `${run.withEd ? 'yes' : 'no'} / ${run.withIp ? 'yes' : 'no'}`,
    ],
    ['Unique quasi-identifiers', run.uniqueQuasiIdentifiers ? 'yes' : 'no'],
    ['lm-synth version', run.lmSynthVersion],
  ];
  const rows = new Map(report.dataset.tables.map((table) => [table.name, table.rows]));
  const resources = manifest.resources
    .map((resource) => {
      const files = typeof resource.path === 'string' ? [resource.path] : resource.path;
      const read = rows.get(resource.name);
      return `<tr><th scope="row"><code>${escapeHtml(resource.name)}</code></th><td>${escapeHtml(resource.description)}</td><td class="num">${INTEGER.format(read ?? resource.rows)}${read === undefined ? ' (unreadable)' : ''}</td><td class="num">${formatBytes(resource.bytes)}</td><td class="num">${files.length}</td></tr>`;
    })
    .join('\n');
  const totalBytes = manifest.resources.reduce((sum, resource) => sum + resource.bytes, 0);
  const totalRows = manifest.resources.reduce((sum, resource) => sum + resource.rows, 0);
  return `<dl class="facts">${facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<details class="data" open><summary>Tables (${manifest.resources.length})</summary>
<div class="scroll"><table><thead><tr><th scope="col">Table</th><th scope="col">What it holds</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Size</th><th scope="col" class="num">Files</th></tr></thead>
<tbody>
${resources}
</tbody><tfoot><tr><th scope="row">total</th><td></td><td class="num">${INTEGER.format(totalRows)}</td><td class="num">${formatBytes(totalBytes)}</td><td></td></tr></tfoot></table></div></details>`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
