import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import { batchCodecs } from './batch-codecs.js';
import { MysqlInputError } from './mysql-input-error.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';

// Prepared statements take at most 65,535 placeholders.
const MAX_PLACEHOLDERS = 65_535;
const MAX_ROWS_PER_STATEMENT = 1000;
const ROWS_PER_COMMIT = 50_000;

/**
 * The fallback when LOAD DATA LOCAL is unavailable: multi-row prepared INSERTs
 * in transactions of ROWS_PER_COMMIT rows. Returns the rows inserted.
 */
export async function insertBatches(
  session: SinkSession,
  table: TableDefinition,
  into: string,
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
): Promise<number> {
  const width = table.columns.length;
  const perStatement = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PLACEHOLDERS / width));
  const rowPlaceholders = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const statement = (rows: number) =>
    `INSERT INTO ${q(into)} (${table.columns.map((c) => q(c.name)).join(', ')}) VALUES ${Array.from({ length: rows }, () => rowPlaceholders).join(', ')}`;
  const fullStatement = statement(perStatement);
  const doing = `inserting into ${table.name}`;
  const parameters: (string | number | null)[] = new Array(perStatement * width);
  let pending = 0;
  let rows = 0;
  let uncommitted = 0;

  const flush = async (sql: string, values: unknown[]) => {
    const result = await session.execute(sql, values, doing);
    if (result.warningStatus > 0) {
      const warnings = await session.warnings();
      throw new MysqlInputError(
        `${doing}: the server reported ${result.warningStatus} warning(s): ${warnings.join('; ')}`,
      );
    }
    uncommitted += pending;
    pending = 0;
    if (uncommitted >= ROWS_PER_COMMIT) {
      await session.query('COMMIT', [], doing);
      uncommitted = 0;
    }
  };

  await session.query('SET autocommit = 0', [], doing);
  try {
    for await (const batch of batches) {
      const codecs = batchCodecs(table, batch, rows);
      for (let row = 0; row < batch.numRows; row++) {
        const base = pending * width;
        for (let c = 0; c < width; c++) parameters[base + c] = codecs[c]!.parameter(row);
        pending++;
        if (pending === perStatement) await flush(fullStatement, parameters);
      }
      rows += batch.numRows;
    }
    if (pending > 0) {
      const tail = statement(pending);
      await flush(tail, parameters.slice(0, pending * width));
      session.unprepare(tail);
    }
    await session.query('COMMIT', [], doing);
  } finally {
    // Never hides the error that got us here; a broken session fails the next statement anyway.
    await session.query('SET autocommit = 1', [], doing).catch(() => {});
  }
  session.unprepare(fullStatement);
  return rows;
}
