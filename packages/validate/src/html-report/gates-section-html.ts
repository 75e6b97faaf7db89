import { formatNumber } from '../report/format-number.js';
import type {
  CheckResult,
  Comparison,
  GateResult,
  GateStatus,
} from '../report/validation-report.js';
import { escapeHtml } from './escape-html.js';
import { STATUS_LABEL } from './status-label.js';

const STATUSES: readonly GateStatus[] = ['pass', 'fail', 'inconclusive', 'info'];

/**
 * Section 2: every gate as validate reported it, with observed, expected, tolerance and
 * status; a gate's closest or failing checks open from its row.
 */
export function gatesSectionHtml(gates: readonly GateResult[]): string {
  const counts = STATUSES.map((status) => {
    const n = gates.filter((gate) => gate.status === status).length;
    return `<li class="status-${status}">${statusBadge(status)} ${n}</li>`;
  }).join('');
  const rows = gates
    .map(
      (
        gate,
      ) => `<tr class="gate status-${gate.status}" id="gate-${escapeHtml(gate.id)}" data-gate="${escapeHtml(gate.id)}" data-status="${gate.status}">
<td>${statusBadge(gate.status)}</td>
<th scope="row"><code>${escapeHtml(gate.id)}</code><br><span class="title">${escapeHtml(gate.title)}</span></th>
<td>${gate.category}</td>
<td class="num">${value(gate.observed)}</td>
<td class="num">${value(gate.expected)}</td>
<td class="num">${tolerance(gate.tolerance, gate.comparison)}</td>
<td>${escapeHtml(gate.message)}${checksHtml(gate)}</td>
</tr>`,
    )
    .join('\n');
  return `<ul class="counts" aria-label="Gates by status">${counts}</ul>
<p class="note"><strong>INCONCLUSIVE</strong> means the gate ran but, at this dataset's size, could not have detected the deviation it exists to catch: it neither passes nor fails. <strong>INFO</strong> reports without judging (a gate that does not apply, k-anonymity).</p>
<div class="scroll"><table class="gates">
<thead><tr><th scope="col">Status</th><th scope="col">Gate</th><th scope="col">Category</th><th scope="col" class="num">Observed</th><th scope="col" class="num">Expected</th><th scope="col" class="num">Tolerance</th><th scope="col">Result</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function statusBadge(status: GateStatus): string {
  const { text, symbol } = STATUS_LABEL[status];
  return `<span class="badge status-${status}"><span aria-hidden="true">${symbol}</span> ${text}</span>`;
}

function value(number: number | null): string {
  return number === null ? '–' : escapeHtml(formatNumber(number));
}

function tolerance(number: number | null, comparison: Comparison): string {
  if (number === null) return '–';
  const sign = comparison === 'within' ? '±' : comparison === 'at-least' ? '−' : '+';
  return `${sign}${escapeHtml(formatNumber(number))}`;
}

function checksHtml(gate: GateResult): string {
  const worst = gate.details?.worst;
  if (!worst || worst.length === 0) return '';
  const failing = worst.some((check) => !check.passed);
  const rows = worst
    .map(
      (check: CheckResult) =>
        `<tr><td>${check.passed ? 'pass' : '<strong>fail</strong>'}</td><td>${escapeHtml(check.key)}</td><td class="num">${value(check.observed)}</td><td class="num">${value(check.expected)}</td><td class="num">${tolerance(check.tolerance, check.comparison)}</td></tr>`,
    )
    .join('');
  return `<details class="checks"><summary>${failing ? 'Failing checks' : 'Closest checks'} (${worst.length} of ${gate.details?.checks ?? worst.length})</summary>
<table><thead><tr><th scope="col">Check</th><th scope="col">Key</th><th scope="col" class="num">Observed</th><th scope="col" class="num">Expected</th><th scope="col" class="num">Tolerance</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}
