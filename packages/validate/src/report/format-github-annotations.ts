import type { ValidationReport } from './validation-report.js';

/** GitHub workflow-command escaping of a message (data) and of a property value. */
const escapeData = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) =>
  escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * The report as GitHub Actions annotations: `::error` for each failed gate, `::warning` for
 * inconclusive ones, `::notice` for informational ones, and a closing summary line.
 */
export function formatGithubAnnotations(report: ValidationReport): string {
  const lines = report.gates.flatMap((gate) => {
    if (gate.status === 'pass') return [];
    const level =
      gate.status === 'fail' ? 'error' : gate.status === 'inconclusive' ? 'warning' : 'notice';
    const title = escapeProperty(`lm-synth validate: ${gate.id}`);
    return [`::${level} title=${title}::${escapeData(`${gate.title}: ${gate.message}`)}`];
  });
  const { pass, fail, inconclusive, info } = report.summary;
  lines.push(
    `lm-synth validate: ${fail} of ${report.gates.length} gates failed (${pass} passed, ${inconclusive} inconclusive, ${info} info): ${report.ok ? 'PASSED' : 'FAILED'}`,
  );
  return `${lines.join('\n')}\n`;
}
