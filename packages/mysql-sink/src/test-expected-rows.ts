import { createHash } from 'node:crypto';
import type { TableDefinition } from '@lm-synth/dims';
import type { RecordBatch } from 'apache-arrow';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** One row in a form both Arrow and MySQL can be brought to: JSON of canonical text values. */
type Line = string;

/**
 * The rows of Arrow batches as canonical text, computed independently of the
 * loader (Arrow's own getters, Date, toFixed), sorted.
 */
export function expectedLines(table: TableDefinition, batches: Iterable<RecordBatch>): Line[] {
  const lines: Line[] = [];
  for (const batch of batches) {
    const vectors = table.columns.map((column) => batch.getChild(column.name)!);
    for (let row = 0; row < batch.numRows; row++) {
      const values = table.columns.map((column, c) => {
        const value: unknown = vectors[c]!.get(row);
        if (value === null || value === undefined) return null;
        switch (column.type.kind) {
          case 'decimal':
            return (value as number).toFixed(column.type.scale);
          case 'boolean':
            return value ? '1' : '0';
          case 'date':
            return new Date(value as number).toISOString().slice(0, 10);
          case 'timestamp':
            return new Date(value as number).toISOString().slice(0, 19).replace('T', ' ');
          default:
            return String(value);
        }
      });
      lines.push(JSON.stringify(values));
    }
  }
  return lines.sort();
}

/** The rows of a MySQL table as canonical text, sorted. The connection must use dateStrings. */
export async function databaseLines(
  connection: Connection,
  table: TableDefinition,
  physicalName = table.name,
): Promise<Line[]> {
  const columns = table.columns.map((c) => `\`${c.name}\``).join(', ');
  const [rows] = await connection.query<RowDataPacket[]>({
    sql: `SELECT ${columns} FROM \`${physicalName}\``,
    rowsAsArray: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  return (rows as unknown as unknown[][])
    .map((row) => JSON.stringify(row.map((value) => (value === null ? null : String(value)))))
    .sort();
}

/** SHA-256 of sorted canonical lines. */
export function checksum(lines: readonly Line[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}
