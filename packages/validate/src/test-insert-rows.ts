import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureDb } from './test-fixture-db.js';

/** A cell of a row to insert: NULL, a number, a boolean or text (timestamps as 'YYYY-MM-DD HH:MM:SS'). */
export type TestCell = string | number | boolean | null;

let files = 0;

/**
 * Test helper: appends `rows` (values of `columns`, in order) to `table` of a fixture
 * database through a CSV file, which is far faster than SQL literals for the hundreds of
 * thousands of rows a statistical gate needs to be decisive. Values are cast to the
 * column types on insert.
 */
export async function insertRows(
  db: FixtureDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly TestCell[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const file = join(tmpdir(), `lm-synth-rows-${process.pid}-${files++}.csv`);
  const text = rows
    .map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(','))
    .join('\n');
  await writeFile(file, `${text}\n`);
  try {
    const types = columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    const casts = columns.map((_, i) => `c${i}`).join(', ');
    await db.exec(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${casts} FROM read_csv('${file}', header = false, columns = {${types}}, nullstr = '')`,
    );
  } finally {
    await rm(file, { force: true });
  }
}
