import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { cataloguePosition, type TableDefinition, tableByName } from '@lm-synth/dims';
import {
  type Dataset,
  type DatasetManifest,
  openDataset,
  verifyDataset,
} from '@lm-synth/export-arrow';
import { RecordBatchReader } from 'apache-arrow';
import { CsvToTsv } from './csv-to-tsv.js';
import { duckdbBatches } from './duckdb-batches.js';
import { MysqlInputError } from './mysql-input-error.js';
import { parquetBatches } from './parquet-batches.js';
import type { SourceTable } from './source-table.js';
import type { TsvStream } from './tsv-stream.js';

type Resource = DatasetManifest['resources'][number];

/** An output directory, verified against its datapackage.json, as tables to load. */
export interface DirectorySource {
  readonly manifest: DatasetManifest;
  readonly tables: AsyncIterable<SourceTable>;
  /** Whether its tables may stream for LOAD DATA at the same time (none is read through the one DuckDB connection). */
  readonly tablesAtOnce: boolean;
  close(): void;
}

/** Whether a CSV resource is in the dialect lm-synth writes, which CsvToTsv reads. */
function standardCsv(resource: Resource): boolean {
  const dialect = resource.dialect;
  return (
    dialect !== undefined &&
    dialect.delimiter === ',' &&
    dialect.quoteChar === '"' &&
    dialect.doubleQuote &&
    dialect.header &&
    dialect.lineTerminator === '\n'
  );
}

/** The CSV files of a resource, one after another, as LOAD DATA native text. */
function csvAsNativeText(dir: string, paths: readonly string[], table: TableDefinition): TsvStream {
  const out = new PassThrough();
  let rows = 0;
  (async () => {
    for (const path of paths) {
      const converter = new CsvToTsv(table);
      await pipeline(
        createReadStream(join(dir, path)),
        converter,
        async (text: AsyncIterable<Buffer>) => {
          for await (const chunk of text) if (!out.write(chunk)) await once(out, 'drain');
        },
      );
      rows += converter.rows;
    }
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return { stream: out, rows: () => rows };
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
 * file stops the load before the database is touched. CSV files stream to
 * LOAD DATA rewritten into its native text; Arrow and Parquet files are read
 * as Arrow batches; CSV for the INSERT fallback through the dataset's DuckDB views.
 */
export async function openDirectorySource(dir: string): Promise<DirectorySource> {
  const check = await verifyDataset(dir);
  const problems = check.resources.flatMap((resource) => {
    if (resource.status === 'missing')
      return [`${resource.name}: missing ${resource.missing.join(', ')}`];
    if (resource.status === 'modified') {
      return [
        `${resource.name}: its files do not match the size and sha256 in datapackage.json (modified or corrupt)`,
      ];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new MysqlInputError(
      `the dataset in ${dir} is incomplete or altered, nothing was loaded: ${problems.join('; ')}`,
    );
  }
  const { manifest } = check;
  const unknown = manifest.resources.filter(
    (resource) => cataloguePosition(resource.name) === undefined,
  );
  if (unknown.length > 0) {
    throw new MysqlInputError(
      `the dataset in ${dir} holds tables lm-synth does not know: ${unknown.map((r) => r.name).join(', ')}`,
    );
  }
  const resources = [...manifest.resources].sort(
    (a, b) => cataloguePosition(a.name)! - cataloguePosition(b.name)!,
  );
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
        batches:
          resource.format === 'arrow'
            ? () => arrowBatches(dir, paths)
            : resource.format === 'parquet'
              ? () => parquetBatches(dir, paths)
              : fromDuckDB,
        ...(resource.format === 'csv' && standardCsv(resource)
          ? { nativeText: () => csvAsNativeText(dir, paths, table) }
          : {}),
      };
    }
  }

  return {
    manifest,
    tables: tables(),
    tablesAtOnce: resources.every((r) => r.format !== 'csv' || standardCsv(r)),
    close() {
      dataset?.then((opened) => opened.close()).catch(() => {});
    },
  };
}
