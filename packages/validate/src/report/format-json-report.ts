import type { ValidationReport } from './validation-report.js';

/** The report as pretty-printed JSON (the documented, versioned schema), newline-terminated. */
export function formatJsonReport(report: ValidationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
