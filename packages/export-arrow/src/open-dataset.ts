import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CATALOGUE, type TableDefinition } from '@lm-synth/dims';
import { RecordBatchReader } from 'apache-arrow';
import { canonicalBatches } from './canonical-batches.js';
import { type DamagedResource, damagedResources } from './damaged-resources.js';
import { createTableSql } from './duckdb/create-table-sql.js';
import { DuckDBBatchAppender } from './duckdb/duckdb-batch-appender.js';
import { duckdbColumnType } from './duckdb/duckdb-column-type.js';
import { duckdb } from './duckdb/duckdb-node-api.js';
import { quoteIdentifier } from './duckdb/quote-identifier.js';
import { quoteLiteral } from './duckdb/quote-literal.js';
import { SAMPLE_VIEWS } from './duckdb/sample-views.js';
import { ExportInputError } from './export-input-error.js';
import type { DatasetManifest, ManifestResource } from './manifest/dataset-manifest.js';
import { readManifest } from './manifest/read-manifest.js';

/** A dataset directory opened for SQL: one view per table, typed as the catalogue says. */
export interface Dataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
  /** An in-memory DuckDB connection (time zone UTC) where each table is a view over its files. */
  readonly connection: DuckDBConnection;
  /** Table views, in manifest order. */
  readonly tables: readonly string[];
  /** The sample-query views whose tables are present (v_facility_summary, ...). */
  readonly views: readonly string[];
  /** Tables left out because their files cannot be read (only with `skipDamaged`). */
  readonly damaged: readonly DamagedResource[];
  close(): void;
}

export interface OpenDatasetOptions {
  /**
   * Leave out tables whose files cannot be read, listing them in `damaged`,
   * instead of refusing the dataset. A table whose files differ from the
   * manifest but still read is kept (validate's manifest gate reports it).
   */
  readonly skipDamaged?: boolean;
}

const ARROW_SCHEMA = 'lm_synth_arrow';

/**
 * Opens the dataset in `dir` in DuckDB, whatever its format: Parquet and CSV
 * files are queried in place (CSV with the lm-synth convention: "" is the
 * empty string, an empty field NULL); Arrow IPC, which DuckDB does not read,
 * is loaded into memory first. Throws an input error, in one line naming the
 * file, without a valid manifest or when a data file is missing, truncated or
 * unreadable (unless `skipDamaged` leaves those tables out).
 */
export async function openDataset(dir: string, options: OpenDatasetOptions = {}): Promise<Dataset> {
  const manifest = await readManifest(dir);
  const suspect = await damagedResources(dir, manifest);
  if (suspect.length > 0 && !options.skipDamaged) {
    const problems = suspect.map((resource) => resource.problem).join('; ');
    throw new ExportInputError(
      `${dir} is damaged: ${problems} (lm-synth status checks every file)`,
    );
  }
  const damaged: DamagedResource[] = [];
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    if (manifest.lm_synth.format === 'arrow') await connection.run(`CREATE SCHEMA ${ARROW_SCHEMA}`);
    const tables: string[] = [];
    for (const resource of manifest.resources) {
      const table = catalogueTable(resource.name);
      try {
        const source = await sourceSql(connection, dir, resource, table);
        const columns = table.columns.map((column) => {
          const name = quoteIdentifier(column.name);
          return `CAST(${name} AS ${duckdbColumnType(column.type, 'final')}) AS ${name}`;
        });
        await connection.run(
          `CREATE VIEW ${quoteIdentifier(table.name)} AS SELECT ${columns.join(', ')} FROM ${source}`,
        );
      } catch (error) {
        // A file of the right size can still be corrupt; say which, not which SQL failed.
        const files = typeof resource.path === 'string' ? [resource.path] : resource.path;
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        const problem = `cannot read ${files.join(', ')} (${reason})`;
        if (!options.skipDamaged) {
          throw new ExportInputError(`${dir} is damaged: ${problem}`, { cause: error });
        }
        // A missing or truncated file says so better than the reader's complaint about it.
        damaged.push(
          suspect.find((entry) => entry.name === resource.name) ?? {
            name: resource.name,
            files,
            problem,
          },
        );
        continue;
      }
      tables.push(table.name);
    }
    const views: string[] = [];
    for (const view of SAMPLE_VIEWS) {
      if (!view.requires.every((name) => tables.includes(name))) continue;
      await connection.run(`CREATE VIEW ${quoteIdentifier(view.name)} AS\n${view.sql}`);
      views.push(view.name);
    }
    return {
      dir,
      manifest,
      connection,
      tables,
      views,
      damaged,
      close() {
        connection.closeSync();
        instance.closeSync();
      },
    };
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
}

function catalogueTable(name: string): TableDefinition {
  const table = CATALOGUE.find((entry) => entry.name === name);
  if (!table)
    throw new ExportInputError(`The manifest lists ${name}, which is not an lm-synth table`);
  return table;
}

async function sourceSql(
  connection: DuckDBConnection,
  dir: string,
  resource: ManifestResource,
  table: TableDefinition,
): Promise<string> {
  const paths = typeof resource.path === 'string' ? [resource.path] : resource.path;
  const files = paths.map((path) => quoteLiteral(join(dir, path)));
  switch (resource.format) {
    case 'parquet':
      return `read_parquet([${files.join(', ')}], hive_partitioning = false)`;
    case 'csv': {
      const columns = table.columns.map(
        (column) =>
          `${quoteLiteral(column.name)}: ${quoteLiteral(column.type.kind === 'enum' ? 'VARCHAR' : duckdbColumnType(column.type, 'final'))}`,
      );
      return `read_csv([${files.join(', ')}], header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = {${columns.join(', ')}})`;
    }
    case 'arrow': {
      const name = `${ARROW_SCHEMA}.${quoteIdentifier(table.name)}`;
      await connection.run(createTableSql(name, table, 'staging'));
      const appender = new DuckDBBatchAppender(
        await connection.createAppender(table.name, ARROW_SCHEMA),
        table,
      );
      for (const path of paths) {
        const reader = await RecordBatchReader.from(createReadStream(join(dir, path)));
        for await (const batch of canonicalBatches(table, reader)) appender.append(batch);
      }
      appender.close();
      return name;
    }
  }
}
