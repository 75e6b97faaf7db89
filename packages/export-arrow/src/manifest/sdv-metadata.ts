import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import type { OutputFormat } from '../write-dataset-types.js';

type SdvColumn =
  | { sdtype: 'id' }
  | { sdtype: 'categorical' }
  | { sdtype: 'boolean' }
  | { sdtype: 'numerical'; computer_representation: 'Int8' | 'Int16' | 'Int32' | 'Int64' | 'Float' }
  | { sdtype: 'datetime'; datetime_format?: string };

export interface SdvMetadata {
  METADATA_SPEC_VERSION: 'V1';
  tables: Record<string, { primary_key?: string; columns: Record<string, SdvColumn> }>;
  relationships: {
    parent_table_name: string;
    parent_primary_key: string;
    child_table_name: string;
    child_foreign_key: string;
  }[];
}

/**
 * SDV multi-table metadata (spec V1) for the written tables, so Python users
 * can train SDV on the output. SDV knows single-column keys only, and a key
 * column must be an `id`: relationships are kept when the parent's primary
 * key is one integer or string identifier (site, LHA, program, patient,
 * encounter, stay ids). Joins on natural keys (age group, gender, date) stay
 * categorical or datetime columns, composite keys and the ip_stays
 * self-reference are left out.
 */
export function sdvMetadata(tables: readonly TableDefinition[], format: OutputFormat): SdvMetadata {
  const present = new Map(tables.map((table) => [table.name, table]));
  const relationships: SdvMetadata['relationships'] = [];
  for (const child of tables) {
    for (const fk of child.foreignKeys) {
      const parent = present.get(fk.references.table);
      if (!parent || parent === child || fk.columns.length !== 1 || !identifierKey(parent))
        continue;
      relationships.push({
        parent_table_name: parent.name,
        parent_primary_key: parent.primaryKey[0]!,
        child_table_name: child.name,
        child_foreign_key: fk.columns[0]!,
      });
    }
  }
  const idColumns = new Set([
    ...relationships.map((r) => `${r.parent_table_name}.${r.parent_primary_key}`),
    ...relationships.map((r) => `${r.child_table_name}.${r.child_foreign_key}`),
  ]);
  return {
    METADATA_SPEC_VERSION: 'V1',
    tables: Object.fromEntries(
      tables.map((table) => {
        const primaryKey = identifierKey(table);
        const columns = Object.fromEntries(
          table.columns.map((column) => [
            column.name,
            idColumns.has(`${table.name}.${column.name}`) || column.name === primaryKey
              ? { sdtype: 'id' as const }
              : sdvColumn(column, format),
          ]),
        );
        return [table.name, primaryKey ? { primary_key: primaryKey, columns } : { columns }];
      }),
    ),
    relationships,
  };
}

/** The table's primary key when it is a single integer or free-string identifier. */
function identifierKey(table: TableDefinition): string | undefined {
  if (table.primaryKey.length !== 1) return undefined;
  const column = table.columns.find((c) => c.name === table.primaryKey[0]);
  const kind = column?.type.kind;
  return kind === 'int32' || kind === 'int64' || kind === 'string' ? column!.name : undefined;
}

function sdvColumn(column: ColumnDefinition, format: OutputFormat): SdvColumn {
  switch (column.type.kind) {
    case 'int8':
      return { sdtype: 'numerical', computer_representation: 'Int8' };
    case 'int16':
      return { sdtype: 'numerical', computer_representation: 'Int16' };
    case 'int32':
      return { sdtype: 'numerical', computer_representation: 'Int32' };
    case 'int64':
      return { sdtype: 'numerical', computer_representation: 'Int64' };
    case 'float64':
    case 'decimal':
      return { sdtype: 'numerical', computer_representation: 'Float' };
    case 'boolean':
      return { sdtype: 'boolean' };
    case 'string':
    case 'enum':
      return { sdtype: 'categorical' };
    // Parquet and Arrow carry dates and instants natively; CSV spells them out.
    case 'date':
      return format === 'csv'
        ? { sdtype: 'datetime', datetime_format: '%Y-%m-%d' }
        : { sdtype: 'datetime' };
    case 'timestamp':
      return format === 'csv'
        ? { sdtype: 'datetime', datetime_format: '%Y-%m-%dT%H:%M:%SZ' }
        : { sdtype: 'datetime' };
  }
}
