import type { PhysicalTable } from './physical-table.js';
import type { SinkSession } from './sink-session.js';
import { tableChecks } from './table-checks.js';
import type { VerificationReport } from './verification-report.js';

export interface TableVerification {
  readonly count: VerificationReport['tables'][number];
  readonly foreignKeys: readonly VerificationReport['foreignKeys'][number][];
  readonly uniqueKeys: readonly VerificationReport['uniqueKeys'][number][];
}

/**
 * One table's checks (tableChecks), one after another on `session`: its row
 * count first, which then picks how each foreign key is checked. Keys are
 * skipped when `keys` is false.
 */
export async function verifyTable(
  session: SinkSession,
  entry: PhysicalTable,
  options: {
    readonly parentOf: (table: string) => string | undefined;
    readonly expected?: number;
    readonly keys: boolean;
    /** Rows of a parent, when known: picks how its foreign key is checked. */
    readonly rowsOf?: (table: string) => number | undefined;
  },
): Promise<TableVerification> {
  const { keys, ...known } = options;
  const count = await tableChecks(entry, known).count(session);
  if (!keys) return { count, foreignKeys: [], uniqueKeys: [] };
  const checks = tableChecks(entry, { ...known, rows: count.rows });
  const foreignKeys: VerificationReport['foreignKeys'][number][] = [];
  for (const check of checks.foreignKeys) foreignKeys.push(await check(session));
  const uniqueKeys: VerificationReport['uniqueKeys'][number][] = [];
  for (const check of checks.uniqueKeys) uniqueKeys.push(await check(session));
  return { count, foreignKeys, uniqueKeys };
}
