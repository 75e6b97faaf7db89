import type { TableDefinition } from '@lm-synth/dims';
import type { PartitionColumn } from '../write-dataset-types.js';

/**
 * The column each hive partition key is derived from, or null when the table
 * is not partitioned. Only fact tables are; `year` comes from the first
 * timestamp column (else a date column of the primary key), `site` from the
 * foreign key to dim_site. A fact table lacking a requested key is written
 * whole, e.g. patients under `--partition-by year`.
 */
export function partitionSources(
  table: TableDefinition,
  partitionBy: readonly PartitionColumn[],
): ReadonlyMap<PartitionColumn, string> | null {
  if (table.role !== 'fact' || partitionBy.length === 0) return null;
  const sources = new Map<PartitionColumn, string>();
  for (const key of partitionBy) {
    const column = key === 'year' ? yearColumn(table) : siteColumn(table);
    if (column === undefined) return null;
    sources.set(key, column);
  }
  return sources;
}

function yearColumn(table: TableDefinition): string | undefined {
  return (
    table.columns.find((column) => column.type.kind === 'timestamp')?.name ??
    table.columns.find(
      (column) => column.type.kind === 'date' && table.primaryKey.includes(column.name),
    )?.name
  );
}

function siteColumn(table: TableDefinition): string | undefined {
  return table.foreignKeys.find(
    (fk) => fk.references.table === 'dim_site' && fk.columns.length === 1,
  )?.columns[0];
}
