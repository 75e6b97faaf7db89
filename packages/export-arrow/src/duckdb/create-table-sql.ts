import type { TableDefinition } from '@lm-synth/dims';
import { duckdbColumnType } from './duckdb-column-type.js';
import { quoteIdentifier } from './quote-identifier.js';

const columnList = (columns: readonly string[]) => columns.map(quoteIdentifier).join(', ');

/**
 * CREATE TABLE for a catalogue table. A `final` table carries NOT NULL,
 * PRIMARY KEY, UNIQUE and the FOREIGN KEYs to tables already present.
 * Self-references are left out: DuckDB checks a foreign key per statement and
 * rejects a row that refers to another row of the same insert.
 */
export function createTableSql(
  qualifiedName: string,
  table: TableDefinition,
  purpose: 'staging' | 'final',
  presentTables: ReadonlySet<string> = new Set(),
): string {
  const lines = table.columns.map((column) => {
    const notNull = purpose === 'final' && !column.nullable ? ' NOT NULL' : '';
    return `${quoteIdentifier(column.name)} ${duckdbColumnType(column.type, purpose)}${notNull}`;
  });
  if (purpose === 'final') {
    lines.push(`PRIMARY KEY (${columnList(table.primaryKey)})`);
    for (const unique of table.uniqueKeys) lines.push(`UNIQUE (${columnList(unique)})`);
    for (const fk of table.foreignKeys) {
      if (fk.references.table === table.name || !presentTables.has(fk.references.table)) continue;
      lines.push(
        `FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${quoteIdentifier(fk.references.table)} (${columnList(fk.references.columns)})`,
      );
    }
  }
  return `CREATE TABLE ${qualifiedName} (\n  ${lines.join(',\n  ')}\n)`;
}
