import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { CATALOGUE, type TableDefinition, tableByName } from '@lm-synth/dims';
import { type Dataset, type DatasetManifest, openDataset, verifyDataset } from '@lm-synth/export-arrow';
import { RecordBatchReader } from 'apache-arrow';
import { csvLoadSql } from './csv-load-sql.js';
import { duckdbBatches } from './duckdb-batches.js';
import { MysqlInputError } from './mysql-input-error.js';
import type { SourceTable } from './source-table.js';

type Resource = DatasetManifest['resources'][number];

/** An output directory, verified against its datapackage.json, as tables to load. */
export interface DirectorySource {
  readonly manifest: DatasetManifest;
  readonly tables: AsyncIterable<SourceTable>;
  close(): void;
}

const NEWLINE = 0x0a;

/** A nullable text column could hold NULL (an empty field) and "" alike, which LOAD DATA reads the same. */
function csvLoadable(table: TableDefinition, resource: Resource): boolean {
  const dialect = resource.dialect;
  const standard =
    dialect !== undefined &&
    dialect.delimiter === ',' &&
    dialect.quoteChar === '"' &&
    dialect.doubleQuote &&
    dialect.header &&
    dialect.lineTerminator === '\n';
  const ambiguous = table.columns.some(
    (c) =>
      c.nullable &&
      (c.type.kind === 'string' ||
        (c.type.kind === 'enum' && (c.type.values === null || c.type.values.includes('')))),
  );
  return standard && !ambiguous;
}

/** The CSV files of a resource as one stream of rows: each file without its header line. */
function csvRows(dir: string, paths: readonly string[]): Readable {
  const out = new PassThrough();
  (async () => {
    for (const path of paths) {
      let header = true;
      for await (const chunk of createReadStream(join(dir, path)) as AsyncIterable<Buffer>) {
        let body = chunk;
        if (header) {
          const end = chunk.indexOf(NEWLINE);
          if (end < 0) continue;
          header = false;
          body = chunk.subarray(end + 1);
        }
        if (!out.write(body)) await new Promise((resolve) => out.once('drain', resolve));
      }
    }
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function* arrowBatches(dir: string, paths: readonly string[]) {
  for (const path of paths) {
    const reader = await RecordBatchReader.from(createReadStream(join(dir, path)));
    yield* reader;
  }
}

/**
 * Opens a dataset directory for loading. Every file is checked against the
 * sizes and SHA-256 hashes of datapackage.json first: a missing or altered
 * file stops the load before the database is touched. CSV files go to LOAD
 * DATA as they are; Arrow files are read as batches; Parquet (and CSV for the
 * INSERT fallback) through the dataset's DuckDB views.
 */
export async function openDirectorySource(dir: string): Promise<DirectorySource> {
  const check = await verifyDataset(dir);
  const problems = check.resources.flatMap((resource) => {
    if (resource.status === 'missing') return [`${resource.name}: missing ${resource.missing.join(', ')}`];
    if (resource.status === 'modified') {
      return [`${resource.name}: its files do not match the size and sha256 in datapackage.json (modified or corrupt)`];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new MysqlInputError(`the dataset in ${dir} is incomplete or altered, nothing was loaded: ${problems.join('; ')}`);
  }
  const { manifest } = check;
  const order = new Map(CATALOGUE.map((table, i) => [table.name, i]));
  const resources = [...manifest.resources].sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  let dataset: Promise<Dataset> | undefined;
  const duckdb = () => (dataset ??= openDataset(dir));

  async function* tables(): AsyncIterable<SourceTable> {
    for (const resource of resources) {
      const table = tableByName(resource.name);
      const paths = typeof resource.path === 'string' ? [resource.path] : resource.path;
      const fromDuckDB = async function* () {
        yield* duckdbBatches((await duckdb()).connection, table);
      };
      yield {
        table,
        expectedRows: resource.rows,
        batches: resource.format === 'arrow' ? () => arrowBatches(dir, paths) : fromDuckDB,
        ...(resource.format === 'csv' && csvLoadable(table, resource)
          ? {
              localInfile: {
                statement: (into: string, name: string) => csvLoadSql(table, into, name),
                open: () => csvRows(dir, paths),
              },
            }
          : {}),
      };
    }
  }

  return {
    manifest,
    tables: tables(),
    close() {
      dataset?.then((opened) => opened.close()).catch(() => {});
    },
  };
}
