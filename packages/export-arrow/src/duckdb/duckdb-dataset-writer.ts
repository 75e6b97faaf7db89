import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { TableDefinition } from '@lm-synth/dims';
import { CANONICAL_BATCH_ROWS } from '../canonical-batch-rows.js';
import { DATASET_FILES } from '../dataset-files.js';
import { listFiles } from '../list-files.js';
import { SYNTHETIC_NOTICE } from '../synthetic-notice.js';
import type { PartitionColumn } from '../write-dataset-types.js';
import { createTableSql } from './create-table-sql.js';
import { DuckDBBatchAppender } from './duckdb-batch-appender.js';
import { duckdbColumnType } from './duckdb-column-type.js';
import { duckdb } from './duckdb-node-api.js';
import { partitionSources } from './partition-sources.js';
import { quoteIdentifier } from './quote-identifier.js';
import { quoteLiteral } from './quote-literal.js';
import { SAMPLE_VIEWS } from './sample-views.js';

/**
 * DuckDB may use this much memory before spilling to the temporary directory:
 * it keeps a 1,000,000-patient run under 1 GB resident alongside Node.
 */
const MEMORY_LIMIT = '512MB';
/**
 * DuckDB's threads for Parquet alone: one fewer than the cores, as the
 * caller's thread appends (and usually generates) the rows on the remaining
 * one. With as many threads as cores, DuckDB and the caller compete: on 2
 * cores a 1,000,000-patient run used about 10% more CPU time for the same work.
 * The keyed database is the other way round: its index builds keep DuckDB busy
 * after the rows are in, and on 2 cores a 1,000,000-patient run took 6.8-7.2 s
 * with 2 threads against 7.3-8.2 s with 1.
 */
const PARQUET_THREADS = Math.max(availableParallelism() - 1, 1);
const DATABASE_THREADS = availableParallelism();

function duckdbThreads(options: DuckDBDatasetWriterOptions): number {
  return options.database ? DATABASE_THREADS : PARQUET_THREADS;
}
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
 * connection copies it into its constrained final table while a third copies
 * it to Parquet, and the caller goes on with the next table. Tasks run one
 * after another, in arrival (foreign-key) order, so referenced rows are always
 * committed first. Each task finishes every table ended since the last one in
 * one statement list per connection: a round trip waits for the caller's busy
 * thread to resolve it, so fewer of them let DuckDB keep pace with the
 * generators. A task drops the staging tables the previous one finished.
 */
export class DuckDBDatasetWriter {
  private tail: Promise<void> = Promise.resolve();
  private failure: { readonly error: unknown } | null = null;
  private readonly present = new Set<string>();
  private readonly ended: EndedTable[] = [];
  /** Staging tables both copies are done with, dropped by the next task. */
  private readonly spent: string[] = [];
  private readonly parquetFiles = new Map<string, string[]>();
  private siteCodes: ReadonlyMap<number, string> | null = null;
  private closed = false;

  private constructor(
    private readonly options: DuckDBDatasetWriterOptions,
    private readonly instance: DuckDBInstance,
    private readonly loader: DuckDBConnection,
    private readonly finisher: DuckDBConnection,
    private readonly encoder: DuckDBConnection,
  ) {}

  static async open(options: DuckDBDatasetWriterOptions): Promise<DuckDBDatasetWriter> {
    const path = options.database ? join(options.dir, DATASET_FILES.duckdb) : ':memory:';
    const instance = await duckdb.DuckDBInstance.create(path, {
      memory_limit: MEMORY_LIMIT,
      temp_directory: join(options.dir, SPILL_DIRECTORY),
      threads: String(duckdbThreads(options)),
    });
    const loader = await instance.connect();
    const finisher = await instance.connect();
    const encoder = await instance.connect();
    for (const connection of [loader, finisher, encoder])
      await connection.run(`SET TimeZone = 'UTC'`);
    await loader.run(`ATTACH ':memory:' AS staging`);
    return new DuckDBDatasetWriter(options, instance, loader, finisher, encoder);
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
    this.ended.push({ table, rows, presentBefore: new Set(this.present) });
    this.present.add(table.name);
    this.tail = this.tail.then(() => this.finishEndedTables());
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

  /**
   * Cancels the statements running in the background (Parquet copies, final
   * loads, the checkpoint), so that a run being aborted does not wait for
   * them: the queued work and finish() then reject. abort() still releases DuckDB.
   */
  interrupt(): void {
    if (this.closed) return;
    this.finisher.interrupt();
    this.encoder.interrupt();
  }

  /** Stops queued work and releases DuckDB, after a failure elsewhere. */
  async abort(): Promise<void> {
    this.finisher.interrupt();
    this.encoder.interrupt();
    await this.tail.catch(() => undefined);
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.loader.closeSync();
    this.finisher.closeSync();
    this.encoder.closeSync();
    this.instance.closeSync();
  }

  /** Finishes the tables ended so far; none when an earlier task took them. */
  private async finishEndedTables(): Promise<void> {
    const tables = this.ended.splice(0);
    if (tables.length === 0) return;
    const db = this.finisher;
    const parquet = this.options.parquet;
    if (parquet?.partitionBy.includes('site') && tables.some((t) => t.table.name === 'dim_site')) {
      this.siteCodes = await readSiteCodes(db);
    }
    const copies: string[] = [];
    const loads = this.spent.splice(0);
    const partitioned: TableDefinition[] = [];
    for (const { table, rows, presentBefore } of tables) {
      if (parquet) {
        const sources = partitionSources(table, parquet.partitionBy);
        // An empty table has no partitions; it is written whole so its schema still travels.
        if (sources === null || rows === 0) {
          const file = `${table.name}.parquet`;
          copies.push(this.copyToParquetSql(table, join(this.options.dir, file), null));
          this.parquetFiles.set(table.name, [file]);
        } else {
          // One thread: with several, DuckDB's partitioned writer orders rows within a file differently per run.
          copies.push(
            'SET threads = 1',
            this.copyToParquetSql(table, join(this.options.dir, table.name), sources),
            `SET threads = ${duckdbThreads(this.options)}`,
          );
          partitioned.push(table);
        }
      }
      if (this.options.database) {
        const name = quoteIdentifier(table.name);
        // Sorted by key, the primary-key index builds about twice as fast (random patient ids).
        const key = table.primaryKey.map(quoteIdentifier).join(', ');
        loads.push(
          createTableSql(name, table, 'final', presentBefore),
          `INSERT INTO ${name} SELECT * FROM ${stagingName(table)} ORDER BY ${key}`,
          commentsSql(table),
        );
      }
      this.spent.push(`DROP TABLE ${stagingName(table)}`);
    }
    // Both settle before a failure is passed on, so abort() never closes a busy connection.
    const results = await Promise.allSettled([runAll(this.encoder, copies), runAll(db, loads)]);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
    for (const table of partitioned) {
      const files = await listFiles(join(this.options.dir, table.name));
      this.parquetFiles.set(
        table.name,
        files.map((file) => `${table.name}/${file}`),
      );
    }
  }

  private copyToParquetSql(
    table: TableDefinition,
    target: string,
    sources: ReadonlyMap<PartitionColumn, string> | null,
  ): string {
    const columns = table.columns.map((column) => {
      const name = quoteIdentifier(column.name);
      return column.type.kind === 'decimal'
        ? `CAST(${name} AS ${duckdbColumnType(column.type, 'final')}) AS ${name}`
        : name;
    });
    const options = [
      'FORMAT parquet',
      'COMPRESSION zstd',
      // Level 1 instead of DuckDB's 3: about a quarter less encoding CPU, and smaller files here.
      'COMPRESSION_LEVEL 1',
      `ROW_GROUP_SIZE ${CANONICAL_BATCH_ROWS}`,
      `KV_METADATA {lm_synth_table: ${quoteLiteral(table.name)}, lm_synth_notice: ${quoteLiteral(SYNTHETIC_NOTICE)}}`,
    ];
    if (sources) {
      for (const [key, column] of sources) {
        const source = quoteIdentifier(column);
        columns.push(`${key === 'year' ? `year(${source})` : this.siteCodeSql(source)} AS ${key}`);
      }
      options.push(
        `PARTITION_BY (${[...sources.keys()].join(', ')})`,
        `FILENAME_PATTERN 'part-{i}'`,
      );
    }
    return `COPY (SELECT ${columns.join(', ')} FROM ${stagingName(table)}) TO ${quoteLiteral(target)} (${options.join(', ')})`;
  }

  private siteCodeSql(column: string): string {
    if (!this.siteCodes)
      throw new Error('Partitioning by site needs dim_site before the fact tables');
    const cases = [...this.siteCodes].map(([id, code]) => `WHEN ${id} THEN ${quoteLiteral(code)}`);
    return `CASE ${column} ${cases.join(' ')} END`;
  }
}

interface EndedTable {
  readonly table: TableDefinition;
  readonly rows: number;
  /** The tables ended before it: its foreign keys may refer to these. */
  readonly presentBefore: ReadonlySet<string>;
}

async function runAll(db: DuckDBConnection, statements: readonly string[]): Promise<void> {
  if (statements.length > 0) await db.run(statements.join(';\n'));
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
