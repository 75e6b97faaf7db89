import type { DatasetStream, TableBatches } from '@lm-synth/dims';
import { openDirectorySource } from './directory-source.js';
import type { LoadOptions } from './load-options.js';
import type { LoadReport } from './load-report.js';
import { loadSourceTables } from './load-source-tables.js';
import type { MysqlConnectionOptions } from './mysql-connection-options.js';
import type { SourceTable } from './source-table.js';

async function* streamTables(
  streams: AsyncIterable<TableBatches> | Iterable<TableBatches>,
): AsyncIterable<SourceTable> {
  for await (const { table, batches } of streams) yield { table, batches: () => batches };
}

/**
 * Loads a dataset into MySQL 8.0+ or MariaDB 10.6+: an output directory
 * (checked against its datapackage.json first) or the stream generateDataset
 * returns (tables in catalogue order, no temporary files; its run metadata names
 * the projection year).
 *
 * Each table goes into a staging table (LOAD DATA LOCAL INFILE fed from
 * memory, or batched INSERTs when the server forbids it); row counts, foreign
 * and unique keys are verified; then one RENAME TABLE swaps every table in
 * (append: one transaction). Until that moment the previous tables are
 * untouched: a failure or a killed process leaves them as they were, and the
 * next run clears what it left behind.
 */
export async function loadDataset(
  source: string | DatasetStream | AsyncIterable<TableBatches> | Iterable<TableBatches>,
  connection: MysqlConnectionOptions,
  options: LoadOptions = {},
): Promise<LoadReport> {
  if (typeof source !== 'string') {
    // A generated stream names its start year: the projection is checked for that year.
    const run = 'run' in source ? source.run : undefined;
    return loadSourceTables(streamTables(source), connection, {
      ...(run ? { projectionYear: run.startYear } : {}),
      ...options,
    });
  }
  const directory = await openDirectorySource(source);
  try {
    return await loadSourceTables(directory.tables, connection, {
      projectionYear: directory.manifest.lm_synth.startYear,
      ...options,
      tablesAtOnce: directory.tablesAtOnce,
    });
  } finally {
    directory.close();
  }
}
