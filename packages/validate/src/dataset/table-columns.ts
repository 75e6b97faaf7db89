import { quoteLiteral } from '@lm-synth/export-arrow';
import type { SqlSession } from './sql-session.js';

/**
 * The columns a dataset table has, by name. Gates that read columns a newer catalogue
 * added (patients.weight, entry_date, exit_date) ask first, so a dataset written before
 * them gets `info` rather than a SQL error.
 */
export async function tableColumns(sql: SqlSession, table: string): Promise<Set<string>> {
  const rows = await sql.rows(
    `SELECT column_name FROM information_schema.columns WHERE table_name = ${quoteLiteral(table)}`,
  );
  return new Set(rows.map((row) => String(row.column_name)));
}
