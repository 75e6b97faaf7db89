import type { TableDefinition } from '@lm-synth/dims';
import { describeVerificationFailures } from './describe-verification-failures.js';
import { MysqlInputError } from './mysql-input-error.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';
import type { VerificationReport } from './verification-report.js';
import { verifyTables } from './verify-tables.js';

const ER_DUP_ENTRY = 1062;

/**
 * Append mode: copies staged rows into the live tables in one transaction,
 * checks the keys of the result inside it, and commits only if they hold.
 * `live` are all catalogue tables present, so foreign keys are checked against
 * parents whether or not this load added to them.
 */
export async function appendStaged(
  session: SinkSession,
  staged: readonly {
    readonly table: TableDefinition;
    readonly stage: string;
    readonly rows: number;
  }[],
  live: readonly TableDefinition[],
): Promise<Omit<VerificationReport, 'projection'>> {
  const expectedRows = new Map<string, number>();
  for (const { table, rows } of staged) {
    const [row] = await session.rows(`SELECT COUNT(*) AS n FROM ${q(table.name)}`);
    expectedRows.set(table.name, Number(row!.n) + rows);
  }
  // Foreign keys are checked below for the whole result, so rows may arrive in any order.
  await session.query('SET foreign_key_checks = 0, unique_checks = 1');
  await session.query('START TRANSACTION');
  try {
    for (const { table, stage, rows } of staged) {
      const columns = table.columns.map((c) => q(c.name)).join(', ');
      const doing = `appending to ${table.name}`;
      const result = await session
        .query(
          `INSERT INTO ${q(table.name)} (${columns}) SELECT ${columns} FROM ${q(stage)}`,
          [],
          doing,
        )
        .catch((error: Error & { cause?: { errno?: number } }) => {
          if (error.cause?.errno !== ER_DUP_ENTRY) throw error;
          throw new MysqlInputError(
            `${error.message} (are these rows loaded already? { mode: 'replace' } reloads)`,
          );
        });
      if (result.affectedRows !== rows) {
        throw new MysqlInputError(
          `${doing}: staged ${rows} rows but ${result.affectedRows} were added`,
        );
      }
    }
    const check = await verifyTables(
      session,
      live.map((table) => ({ table, name: table.name })),
      { expectedRows, keysOf: new Set(staged.map((s) => s.table.name)) },
    );
    if (!check.ok) {
      throw new MysqlInputError(
        `verification failed, nothing was appended: ${describeVerificationFailures(check)}`,
      );
    }
    await session.query('COMMIT', [], 'committing the appended rows');
    return check;
  } catch (error) {
    await session.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await session.query('SET foreign_key_checks = 1').catch(() => {});
  }
}
