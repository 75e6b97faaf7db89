import type { ForeignKeyDefinition, TableDefinition } from '@lm-synth/dims';
import { columnSqlType } from './column-sql-type.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import { quoteString } from './quote-string.js';

export interface CreateTableOptions {
  readonly collation: string;
  /** The physical name of a catalogue table: itself, or its staging table. */
  readonly nameOf: (table: string) => string;
  /** False for tables whose rows reference parents outside the set being created. */
  readonly foreignKeys: boolean;
}

const MAX_IDENTIFIER = 64;

/**
 * `CREATE TABLE` for a catalogue table (blueprint §14.4): InnoDB, utf8mb4,
 * primary, unique and foreign keys, the catalogue's indexes, comments from its
 * descriptions.
 *
 * Foreign keys are named `<table>_ibfk_<name>`: constraint names are unique per
 * database, and both InnoDB (MariaDB) and the MySQL 8 data dictionary rename
 * constraints with that prefix along with their table. A staging table's keys
 * therefore never clash with the live table's, and take the live names when
 * RENAME TABLE swaps it in.
 */
export function createTableSql(table: TableDefinition, options: CreateTableOptions): string {
  const name = options.nameOf(table.name);
  const lines = table.columns.map((column) =>
    [
      q(column.name),
      columnSqlType(column.type),
      column.nullable ? 'NULL' : 'NOT NULL',
      ...(column.autoIncrement ? ['AUTO_INCREMENT'] : []),
      `COMMENT ${quoteString(column.description)}`,
    ].join(' '),
  );
  lines.push(`PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  for (const columns of table.uniqueKeys) {
    lines.push(`UNIQUE KEY ${q(`uq_${columns.join('_')}`)} (${columns.map(q).join(', ')})`);
  }
  for (const index of table.indexes) {
    lines.push(`KEY ${q(index.name)} (${index.columns.map(q).join(', ')})`);
  }
  if (options.foreignKeys) {
    // An index InnoDB would otherwise create itself, named as it would name it.
    const keyed = [table.primaryKey, ...table.uniqueKeys, ...table.indexes.map((i) => i.columns)];
    for (const fk of table.foreignKeys) {
      if (!keyed.some((key) => startsWith(key, fk.columns))) {
        lines.push(`KEY ${q(fk.name)} (${fk.columns.map(q).join(', ')})`);
      }
    }
    for (const fk of table.foreignKeys) lines.push(foreignKeySql(name, fk, options.nameOf));
  }
  return [
    `CREATE TABLE ${q(name)} (`,
    lines.map((line) => `  ${line}`).join(',\n'),
    `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${options.collation}`,
    `  COMMENT=${quoteString(`${table.description} Synthetic data, for non-production testing.`)}`,
  ].join('\n');
}

function foreignKeySql(
  tableName: string,
  fk: ForeignKeyDefinition,
  nameOf: (table: string) => string,
): string {
  const constraint = `${tableName}_ibfk_${fk.name.replace(/^fk_/, '')}`;
  if (constraint.length > MAX_IDENTIFIER) {
    throw new Error(`foreign key name ${constraint} is longer than ${MAX_IDENTIFIER} characters`);
  }
  return (
    `CONSTRAINT ${q(constraint)} FOREIGN KEY (${fk.columns.map(q).join(', ')}) ` +
    `REFERENCES ${q(nameOf(fk.references.table))} (${fk.references.columns.map(q).join(', ')})`
  );
}

function startsWith(key: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((column, i) => key[i] === column);
}
