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
  const failed = report.gates.filter((gate) => gate.status === 'fail').length;
  lines.push(
    report.ok
      ? `lm-synth validate: all ${report.gates.length} gates passed, inconclusive or informational`
      : `lm-synth validate: ${failed} of ${report.gates.length} gates failed`,
  );
  return `${lines.join('\n')}\n`;
}
