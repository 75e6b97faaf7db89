import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { TableDefinition } from '@lm-synth/dims';
import { CANONICAL_BATCH_ROWS } from '../canonical-batch-rows.js';
import { DATASET_FILES } from '../dataset-files.js';
import { listFiles } from '../list-files.js';
import { SYNTHETIC_NOTICE } from '../synthetic-notice.js';
import type { PartitionColumn } from '../write-dataset-types.js';
import { createTableSql } from './create-table-sql.js';
import { DuckDBBatchAppender } from './duckdb-batch-appender.js';
import { duckdbColumnType } from './duckdb-column-type.js';
import { partitionSources } from './partition-sources.js';
import { quoteIdentifier } from './quote-identifier.js';
import { quoteLiteral } from './quote-literal.js';
import { SAMPLE_VIEWS } from './sample-views.js';

/**
 * DuckDB may use this much memory before spilling to the temporary directory:
 * it keeps a 1,000,000-patient run under 1 GB resident alongside Node.
 */
const MEMORY_LIMIT = '512MB';
/** Where DuckDB spills beyond MEMORY_LIMIT: inside the temporary dataset directory, removed by finish(). */
const SPILL_DIRECTORY = '.duckdb-spill';

export interface DuckDBDatasetWriterOptions {
  /** The (temporary) dataset directory. */
  readonly dir: string;
  /** Keep lm_synth.duckdb with every table, its keys and the sample views. */
  readonly database: boolean;
  /** Write each table to Parquet, hive-partitioning fact tables by these keys. */
  readonly parquet: { readonly partitionBy: readonly PartitionColumn[] } | null;
}

/**
 * Loads tables into DuckDB and, from there, writes Parquet and/or the
 * lm_synth.duckdb database. Rows are appended to unconstrained in-memory
 * staging tables on the caller's thread; when a table ends, a second
 * connection copies it to Parquet and into its constrained final table while
 * the caller goes on with the next table. Tasks run one after another, in
 * arrival (foreign-key) order, so referenced rows are always committed first.
 */
export class DuckDBDatasetWriter {
  private tail: Promise<void> = Promise.resolve();
  private failure: { readonly error: unknown } | null = null;
  private readonly present = new Set<string>();
  private readonly parquetFiles = new Map<string, string[]>();
  private siteCodes: ReadonlyMap<number, string> | null = null;
  private closed = false;

  private constructor(
    private readonly options: DuckDBDatasetWriterOptions,
    private readonly instance: DuckDBInstance,
    private readonly loader: DuckDBConnection,
    private readonly finisher: DuckDBConnection,
  ) {}

  static async open(options: DuckDBDatasetWriterOptions): Promise<DuckDBDatasetWriter> {
    const path = options.database ? join(options.dir, DATASET_FILES.duckdb) : ':memory:';
    const instance = await DuckDBInstance.create(path, {
      memory_limit: MEMORY_LIMIT,
      temp_directory: join(options.dir, SPILL_DIRECTORY),
    });
    const loader = await instance.connect();
    const finisher = await instance.connect();
    for (const connection of [loader, finisher]) await connection.run(`SET TimeZone = 'UTC'`);
    await loader.run(`ATTACH ':memory:' AS staging`);
    return new DuckDBDatasetWriter(options, instance, loader, finisher);
  }

  /** Creates the table's staging table; append its canonical batches to the result. */
  async beginTable(table: TableDefinition): Promise<DuckDBBatchAppender> {
    if (this.failure) throw this.failure.error;
    await this.loader.run(createTableSql(stagingName(table), table, 'staging'));
    const appender = await this.loader.createAppender(table.name, 'main', 'staging');
    return new DuckDBBatchAppender(appender, table);
  }

  /** Commits the appended rows and queues the table's Parquet copy and final load. */
  endTable(table: TableDefinition, appender: DuckDBBatchAppender, rows: number): void {
    appender.close();
    const presentBefore = new Set(this.present);
    this.present.add(table.name);
    this.tail = this.tail.then(() => this.finishTable(table, rows, presentBefore));
    // A failed task is reported by the next beginTable() or by finish().
    this.tail.catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /**
   * Waits for every queued table, creates the sample views, checkpoints and
   * closes DuckDB. Returns the Parquet files written per table.
   */
  async finish(): Promise<ReadonlyMap<string, readonly string[]>> {
    await this.tail;
    if (this.options.database) {
      for (const view of SAMPLE_VIEWS) {
        if (!view.requires.every((name) => this.present.has(name))) continue;
        await this.finisher.run(`CREATE VIEW ${quoteIdentifier(view.name)} AS\n${view.sql}`);
      }
      await this.finisher.run('CHECKPOINT');
    }
    this.close();
    await rm(join(this.options.dir, SPILL_DIRECTORY), { recursive: true, force: true });
    return this.parquetFiles;
  }

  /** Stops queued work and releases DuckDB, after a failure elsewhere. */
  async abort(): Promise<void> {
    this.finisher.interrupt();
    await this.tail.catch(() => undefined);
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.loader.closeSync();
    this.finisher.closeSync();
    this.instance.closeSync();
  }

  private async finishTable(
    table: TableDefinition,
    rows: number,
    presentBefore: ReadonlySet<string>,
  ): Promise<void> {
    const db = this.finisher;
    if (table.name === 'dim_site' && this.options.parquet?.partitionBy.includes('site')) {
      this.siteCodes = await readSiteCodes(db);
    }
    if (this.options.parquet) {
      this.parquetFiles.set(
        table.name,
        await this.copyToParquet(table, rows, this.options.parquet.partitionBy),
      );
    }
    if (this.options.database) {
      const name = quoteIdentifier(table.name);
      await db.run(createTableSql(name, table, 'final', presentBefore));
      // Sorted by key, the primary-key index builds about twice as fast (random patient ids).
      const key = table.primaryKey.map(quoteIdentifier).join(', ');
      await db.run(`INSERT INTO ${name} SELECT * FROM ${stagingName(table)} ORDER BY ${key}`);
      await db.run(commentsSql(table));
    }
    await db.run(`DROP TABLE ${stagingName(table)}`);
  }

  private async copyToParquet(
    table: TableDefinition,
    rows: number,
    partitionBy: readonly PartitionColumn[],
  ): Promise<string[]> {
    const db = this.finisher;
    const columns = table.columns.map((column) => {
      const name = quoteIdentifier(column.name);
      return column.type.kind === 'decimal'
        ? `CAST(${name} AS ${duckdbColumnType(column.type, 'final')}) AS ${name}`
        : name;
    });
    const options = [
      'FORMAT parquet',
      'COMPRESSION zstd',
      `ROW_GROUP_SIZE ${CANONICAL_BATCH_ROWS}`,
      `KV_METADATA {lm_synth_table: ${quoteLiteral(table.name)}, lm_synth_notice: ${quoteLiteral(SYNTHETIC_NOTICE)}}`,
    ];
    const sources = partitionSources(table, partitionBy);
    // An empty table has no partitions; it is written whole so its schema still travels.
    if (sources === null || rows === 0) {
      const file = `${table.name}.parquet`;
      await db.run(
        `COPY (SELECT ${columns.join(', ')} FROM ${stagingName(table)}) TO ${quoteLiteral(join(this.options.dir, file))} (${options.join(', ')})`,
      );
      return [file];
    }
    const keys = [...sources].map(([key, column]) => {
      const source = quoteIdentifier(column);
      return `${key === 'year' ? `year(${source})` : this.siteCodeSql(source)} AS ${key}`;
    });
    const target = join(this.options.dir, table.name);
    // One thread: with several, DuckDB's partitioned writer orders rows within a file differently per run.
    await db.run('SET threads = 1');
    try {
      await db.run(
        `COPY (SELECT ${[...columns, ...keys].join(', ')} FROM ${stagingName(table)}) TO ${quoteLiteral(target)} (${[...options, `PARTITION_BY (${[...sources.keys()].join(', ')})`, `FILENAME_PATTERN 'part-{i}'`].join(', ')})`,
      );
    } finally {
      await db.run('RESET threads');
    }
    return (await listFiles(target)).map((file) => `${table.name}/${file}`);
  }

  private siteCodeSql(column: string): string {
    if (!this.siteCodes)
      throw new Error('Partitioning by site needs dim_site before the fact tables');
    const cases = [...this.siteCodes].map(([id, code]) => `WHEN ${id} THEN ${quoteLiteral(code)}`);
    return `CASE ${column} ${cases.join(' ')} END`;
  }
}

function stagingName(table: TableDefinition): string {
  return `staging.main.${quoteIdentifier(table.name)}`;
}

async function readSiteCodes(db: DuckDBConnection): Promise<ReadonlyMap<number, string>> {
  const reader = await db.runAndReadAll(
    `SELECT site_id, site_code FROM staging.main.dim_site ORDER BY site_id`,
  );
  return new Map(reader.getRows().map(([id, code]) => [Number(id), String(code)]));
}

function commentsSql(table: TableDefinition): string {
  const name = quoteIdentifier(table.name);
  return [
    `COMMENT ON TABLE ${name} IS ${quoteLiteral(`${table.description} ${SYNTHETIC_NOTICE}`)}`,
    ...table.columns.map(
      (column) =>
        `COMMENT ON COLUMN ${name}.${quoteIdentifier(column.name)} IS ${quoteLiteral(column.description)}`,
    ),
  ].join(';\n');
}
