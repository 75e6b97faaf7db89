import { DuckDBTypeId } from '@duckdb/node-api';
import { openDataset, quoteIdentifier } from '@lm-synth/export-arrow';
import { ApiInputError } from './api-input-error.js';
import type { DataSource, JsonRow, ResultColumn, SqlDialect, SqlParameter } from './data-source.js';
import { duckdbJsonValue } from './duckdb-json-value.js';

const DUCKDB_DIALECT: SqlDialect = {
  quoteIdentifier,
  instantParameter: (ms) => ({
    placeholder: 'CAST(? AS TIMESTAMPTZ)',
    value: new Date(ms).toISOString(),
  }),
};

const TABLE_SCHEMA = 'lm_synth_api';

/**
 * Serves the dataset in `dir` read-only: openDataset reads the files, in any
 * format, and every table is loaded into its in-memory DuckDB at startup.
 * Every query is a prepared statement with bound parameters. Throws an input
 * error when `dir` holds no lm-synth dataset or a damaged one, naming the file.
 */
export async function openDuckdbSource(dir: string): Promise<DataSource> {
  const dataset = await openDataset(dir);
  const { connection } = dataset;
  try {
    // Queried in place, each request would re-read and re-cast the files (~30 ms for a page of
    // 50,000 patients); in memory it takes a few. Unqualified names find these tables first.
    await connection.run(`CREATE SCHEMA ${TABLE_SCHEMA}`);
    for (const table of dataset.tables) {
      const name = DUCKDB_DIALECT.quoteIdentifier(table);
      try {
        await connection.run(`CREATE TABLE ${TABLE_SCHEMA}.${name} AS SELECT * FROM main.${name}`);
      } catch (error) {
        // Only a damaged file fails here (openDataset has read the footers): name it, not the SQL.
        const path = dataset.manifest.resources.find((entry) => entry.name === table)?.path ?? [];
        const files = typeof path === 'string' ? path : path.join(', ');
        const reason = (error as Error).message.split('\n')[0];
        throw new ApiInputError(
          `${dir} is damaged: cannot read ${files} (${reason}; lm-synth status checks every file)`,
          { cause: error },
        );
      }
    }
    await connection.run(`SET search_path = '${TABLE_SCHEMA}'`);
  } catch (error) {
    dataset.close();
    throw error;
  }
  const running = new Set<Promise<JsonRow[]>>();
  let closing = false;
  return {
    kind: 'duckdb',
    location: dir,
    dialect: DUCKDB_DIALECT,
    manifest: dataset.manifest,
    tables: new Set(dataset.tables),
    async select(sql, parameters, columns) {
      if (closing) throw new Error('the DuckDB source is closed');
      const query = run(sql, parameters, columns);
      running.add(query);
      try {
        return await query;
      } finally {
        running.delete(query);
      }
    },
    async close() {
      closing = true;
      // Closing DuckDB under a running statement corrupts its memory: let them finish first.
      await Promise.allSettled(running);
      dataset.close();
    },
  };

  async function run(
    sql: string,
    parameters: readonly SqlParameter[],
    columns: readonly ResultColumn[],
  ): Promise<JsonRow[]> {
    const statement = await connection.prepare(sql);
    try {
      // A string compared with an ENUM column is bound as that ENUM; as a VARCHAR it would
      // have every row cast to VARCHAR. Other values bind as their JavaScript type.
      parameters.forEach((value, index) => {
        const type = statement.parameterType(index + 1);
        statement.bindValue(index + 1, value, type.typeId === DuckDBTypeId.ENUM ? type : undefined);
      });
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
  }
}
