import type { PhysicalTable } from './physical-table.js';
import type { SinkSession } from './sink-session.js';
import { summarizeVerification } from './summarize-verification.js';
import type { VerificationReport } from './verification-report.js';
import { type TableVerification, verifyTable } from './verify-table.js';

export interface VerifyTablesOptions {
  /** Row counts to compare with, by catalogue table name. */
  readonly expectedRows?: ReadonlyMap<string, number>;
  /** Tables whose foreign and unique keys are checked; default all. */
  readonly keysOf?: ReadonlySet<string>;
}

/**
 * Counts, foreign-key orphans and unique-key duplicates of a set of tables,
 * each foreign key checked against the set's own copy of its parent.
 */
export async function verifyTables(
  session: SinkSession,
  tables: readonly PhysicalTable[],
  options: VerifyTablesOptions = {},
): Promise<Omit<VerificationReport, 'projection'>> {
  const byName = new Map(tables.map((entry) => [entry.table.name, entry.name]));
  const checks: TableVerification[] = [];
  // Parents come first (catalogue order), so their counts are known when a child's keys are checked.
  const rows = new Map<string, number>();
  for (const entry of tables) {
    const expected = options.expectedRows?.get(entry.table.name);
    checks.push(
      await verifyTable(session, entry, {
        parentOf: (table) => byName.get(table),
        rowsOf: (table) => rows.get(table),
        keys: options.keysOf?.has(entry.table.name) ?? true,
        ...(expected === undefined ? {} : { expected }),
      }),
    );
    rows.set(entry.table.name, checks.at(-1)!.count.rows);
  }
  return summarizeVerification(checks);
}
