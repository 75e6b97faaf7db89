import type { GateStatus, ValidationReport } from './validation-report.js';

const COLOURS: Record<GateStatus, string> = {
  pass: '\u001b[32m',
  fail: '\u001b[31m',
  info: '\u001b[36m',
  inconclusive: '\u001b[33m',
};
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

/** The report as a table for a terminal: one line per gate, coloured when `colour` is set. */
export function formatTextReport(report: ValidationReport, options: { colour: boolean }): string {
  const paint = (text: string, code: string) => (options.colour ? `${code}${text}${RESET}` : text);
  const { dataset, scenario } = report;
  const patients = dataset.tables.find((table) => table.name === 'patients')?.rows ?? 0;
  const lines = [
    `lm-synth validate ${dataset.dir} (${dataset.format}, ${patients.toLocaleString('en-US')} patients, seed ${dataset.run.seed})`,
    `scenario ${scenario.id} ${scenario.hash.slice(0, 19)}… ${
      scenario.matchesDataset
        ? '(the one the dataset was generated from)'
        : '(differs from the one the dataset names)'
    }`,
    '',
  ];
  const idWidth = Math.max(4, ...report.gates.map((gate) => gate.id.length));
  const statusWidth = Math.max(6, ...report.gates.map((gate) => gate.status.length));
  lines.push(`${'STATUS'.padEnd(statusWidth + 1)} ${'GATE'.padEnd(idWidth)}  RESULT`);
  for (const gate of report.gates) {
    const status = paint(gate.status.toUpperCase().padEnd(statusWidth), COLOURS[gate.status]);
    lines.push(`${status}  ${gate.id.padEnd(idWidth)}  ${gate.message}`);
  }
  const count = (status: GateStatus) => report.summary[status];
  const verdict = report.ok
    ? paint('PASSED', BOLD + COLOURS.pass)
    : paint('FAILED', BOLD + COLOURS.fail);
  lines.push(
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('inconclusive')} inconclusive, ${count('info')} info: ${verdict}`,
  );
  lines.push(report.notice, '');
  return lines.join('\n');
}
