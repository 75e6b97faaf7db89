import { type Dataset, openDataset } from '@lm-synth/export-arrow';
import type { DataSource, JsonRow, SqlDialect } from './data-source.js';
import { duckdbJsonValue } from './duckdb-json-value.js';

const DUCKDB_DIALECT: SqlDialect = {
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  instantParameter: (ms) => ({
    placeholder: 'CAST(? AS TIMESTAMPTZ)',
    value: new Date(ms).toISOString(),
  }),
};

/** A DuckDB source plus the dataset it reads, whose manifest describes the run. */
export interface DuckdbSource extends DataSource {
  readonly kind: 'duckdb';
  readonly dataset: Dataset;
}

/**
 * Serves the dataset in `dir` read-only: openDataset's in-memory DuckDB, one
 * view per table over the files. Every query is a prepared statement with
 * bound parameters. Throws an input error when `dir` holds no lm-synth dataset.
 */
export async function openDuckdbSource(dir: string): Promise<DuckdbSource> {
  const dataset = await openDataset(dir);
  return {
    kind: 'duckdb',
    location: dir,
    dialect: DUCKDB_DIALECT,
    dataset,
    manifest: dataset.manifest,
    tables: new Set(dataset.tables),
    async select(sql, parameters, columns) {
      const statement = await dataset.connection.prepare(sql);
      try {
        if (parameters.length > 0) statement.bind([...parameters]);
        const reader = await statement.runAndReadAll();
        return reader.getRows().map((cells) => {
          const row: JsonRow = {};
          columns.forEach((column, index) => {
            row[column.name] = duckdbJsonValue(column.type, cells[index] ?? null);
          });
          return row;
        });
      } finally {
        statement.destroySync();
      }
    },
    async close() {
      dataset.close();
    },
  };
}
