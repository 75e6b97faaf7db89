import type { LoadReport, VerificationReport } from '@lm-synth/mysql-sink';
import { formatTextTable } from './format-text-table.js';

// Built on first use: constructing it loads ICU's locale data (~18 ms), which a
// `generate` that never prints a load report should not pay at start-up.
let numberFormat: Intl.NumberFormat | undefined;
const number = {
  format: (value: number) => (numberFormat ??= new Intl.NumberFormat('en-CA')).format(value),
};

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number>,
): string {
  return formatTextTable(header, rows, numeric).join('\n');
}

/** The verification as text: counts, key checks, and the §14.7 ED projection. */
export function formatVerification(report: VerificationReport): string {
  const counts = table(
    ['table', 'rows', 'expected'],
    report.tables.map((t) => [
      t.table,
      number.format(t.rows),
      t.expected === undefined
        ? ''
        : `${number.format(t.expected)}${t.expected === t.rows ? '' : '  MISMATCH'}`,
    ]),
    new Set([1, 2]),
  );
  const orphans = report.foreignKeys.reduce((sum, fk) => sum + fk.orphans, 0);
  const duplicates = report.uniqueKeys.reduce((sum, u) => sum + u.duplicates, 0);
  const keyLines = [
    `foreign keys: ${report.foreignKeys.length} checked, ${number.format(orphans)} orphan row(s)`,
    ...report.foreignKeys
      .filter((fk) => fk.orphans > 0)
      .map(
        (fk) =>
          `  ${fk.table}.${fk.name}: ${number.format(fk.orphans)} row(s) without a ${fk.references} row`,
      ),
    `unique keys: ${report.uniqueKeys.length} checked, ${number.format(duplicates)} duplicate(s)`,
  ];
  const parts = [counts, keyLines.join('\n')];
  if (report.projection) {
    parts.push(
      `ED projection ${report.projection.year} (blueprint §14.7)\n${table(
        ['facility', 'ed_subservice', 'projected_volumes'],
        report.projection.rows.map((r) => [
          r.facility,
          r.edSubservice,
          r.projectedVolumes.toFixed(2),
        ]),
        new Set([2]),
      )}`,
    );
  }
  parts.push(
    `${report.ok ? 'verification: ok' : 'verification: FAILED'}\nSynthetic data, for non-production testing.`,
  );
  return `${parts.join('\n\n')}\n`;
}

/** What a load did, then its verification. */
export function formatLoadReport(report: LoadReport): string {
  const server = `${report.server.flavor === 'mysql' ? 'MySQL' : 'MariaDB'} ${report.server.version}`;
  const method = report.method === 'load-data' ? 'LOAD DATA LOCAL INFILE' : 'batched INSERTs';
  const rate = report.seconds > 0 ? number.format(Math.round(report.rows / report.seconds)) : '-';
  return [
    `loaded ${number.format(report.rows)} rows into ${report.database} on ${report.host}:${report.port} (${server}, ${report.server.collation})`,
    `mode ${report.mode}, ${method}, ${report.seconds.toFixed(1)} s (${rate} rows/s)`,
    '',
    formatVerification(report.verification),
  ].join('\n');
}
