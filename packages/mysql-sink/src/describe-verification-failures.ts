import type { VerificationReport } from './verification-report.js';

/** What failed in a verification, as one sentence. */
export function describeVerificationFailures(
  report: Pick<VerificationReport, 'tables' | 'foreignKeys' | 'uniqueKeys'>,
): string {
  return [
    ...report.tables
      .filter((t) => t.expected !== undefined && t.expected !== t.rows)
      .map((t) => `${t.table} has ${t.rows} rows, expected ${t.expected}`),
    ...report.foreignKeys
      .filter((fk) => fk.orphans > 0)
      .map(
        (fk) =>
          `${fk.orphans} ${fk.table} row(s) break ${fk.name} (no matching ${fk.references} row)`,
      ),
    ...report.uniqueKeys
      .filter((u) => u.duplicates > 0)
      .map((u) => `${u.duplicates} duplicated ${u.table}(${u.columns.join(', ')}) value(s)`),
  ].join('; ');
}
