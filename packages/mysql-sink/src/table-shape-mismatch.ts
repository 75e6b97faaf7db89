import type { LogicalType, TableDefinition } from '@lm-synth/dims';
import { columnSqlType } from './column-sql-type.js';
import type { ExistingTable } from './existing-tables.js';

/** The form `existingTables` reports a column type in. */
function expectedType(type: LogicalType): string {
  if (type.kind === 'boolean') return 'tinyint';
  if (type.kind === 'enum' && type.values !== null)
    return columnSqlType(type).replace(/^ENUM/, 'enum');
  return columnSqlType(type).toLowerCase();
}

/**
 * Why an existing table cannot take (or be replaced by) a catalogue table's
 * rows, or undefined when its columns are the catalogue's: same names, order,
 * types and nullability.
 */
export function tableShapeMismatch(
  table: TableDefinition,
  existing: ExistingTable,
): string | undefined {
  if (existing.kind !== 'BASE TABLE')
    return `${table.name} exists as a ${existing.kind.toLowerCase()}, not a table`;
  const describe = (name: string, type: string, nullable: boolean) =>
    `${name} ${type}${nullable ? '' : ' not null'}`;
  const expected = table.columns.map((c) => describe(c.name, expectedType(c.type), c.nullable));
  const found = existing.columns.map((c) => describe(c.name, c.type, c.nullable));
  if (expected.join(', ') === found.join(', ')) return undefined;
  const missing = expected.filter((c) => !found.includes(c));
  const unexpected = found.filter((c) => !expected.includes(c));
  const parts = [
    ...(missing.length ? [`expected ${missing.join('; ')}`] : []),
    ...(unexpected.length ? [`found ${unexpected.join('; ')}`] : []),
    ...(!missing.length && !unexpected.length ? ['the columns are in another order'] : []),
  ];
  return `table ${table.name} already exists with different columns (${parts.join('; ')})`;
}
