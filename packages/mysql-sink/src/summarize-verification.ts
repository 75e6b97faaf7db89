import type { VerificationReport } from './verification-report.js';
import type { TableVerification } from './verify-table.js';

/** Folds per-table checks into a report; ok when counts match and no key is broken. */
export function summarizeVerification(
  checks: readonly TableVerification[],
): Omit<VerificationReport, 'projection'> {
  const tables = checks.map((c) => c.count);
  const foreignKeys = checks.flatMap((c) => c.foreignKeys);
  const uniqueKeys = checks.flatMap((c) => c.uniqueKeys);
  const ok =
    tables.every((t) => t.expected === undefined || t.expected === t.rows) &&
    foreignKeys.every((fk) => fk.orphans === 0) &&
    uniqueKeys.every((u) => u.duplicates === 0);
  return { tables, foreignKeys, uniqueKeys, ok };
}
