import { CATALOGUE, cataloguePosition, type TableDefinition, tableByName } from '@lm-synth/dims';
import { appendStaged } from './append-staged.js';
import { createTableSql } from './create-table-sql.js';
import { createViews } from './create-views.js';
import { describeVerificationFailures } from './describe-verification-failures.js';
import { edProjection } from './ed-projection.js';
import { existingTables } from './existing-tables.js';
import { insertBatches } from './insert-batches.js';
import { loadDataSql } from './load-data-sql.js';
import type { LoadMode, LoadOptions } from './load-options.js';
import type { LoadReport } from './load-report.js';
import { loaderTableName } from './loader-table-name.js';
import { LOCAL_INFILE_HINT } from './local-infile-hint.js';
import type { MysqlConnectionOptions } from './mysql-connection-options.js';
import { MysqlInputError } from './mysql-input-error.js';
import { openSiblings } from './open-siblings.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import { SinkSession } from './sink-session.js';
import type { SourceTable } from './source-table.js';
import { StagingVerifier } from './staging-verifier.js';
import { tableShapeMismatch } from './table-shape-mismatch.js';
import { type TsvStream, tsvStream } from './tsv-stream.js';
import type { VerificationReport } from './verification-report.js';

const CHUNK_BYTES = 256 * 1024;
const PROBE_TABLE = 'lm_synth_probe';
const LOCK_WAIT_SECONDS = 30;
/** Staging tables loaded at once when the source allows it. */
const LOAD_CONNECTIONS = 2;
/** Connections checking staged tables while others load. */
const VERIFY_CONNECTIONS = 2;

interface StagedTable {
  readonly table: TableDefinition;
  readonly stage: string;
  readonly rows: number;
  /** What the source declared (datapackage.json), else what it streamed. */
  readonly expected: number;
  readonly seconds: number;
}

interface StageContext {
  readonly session: SinkSession;
  readonly existing: ReadonlySet<string>;
  readonly appending: boolean;
  readonly useLoadData: boolean;
  readonly say: (message: string) => void;
  /** Called with every table to be staged, before the first loads (side by side only). */
  readonly onPlanned: (tables: readonly string[]) => void;
  /** Called as each table is staged. */
  readonly onStaged: (staged: StagedTable) => void;
}

/** The catalogue's definition of a table handed to us, refusing anything else. */
function catalogueTable(given: TableDefinition): TableDefinition {
  const table = tableByName(given.name);
  const names = (t: TableDefinition) => t.columns.map((c) => c.name).join(',');
  if (names(given) !== names(table)) {
    throw new Error(`table ${given.name} does not have the catalogue's columns`);
  }
  return table;
}

/** LOAD DATA LOCAL INFILE of the source's native text, or of its batches serialised on the fly. */
async function loadDataLocal(
  session: SinkSession,
  source: SourceTable,
  table: TableDefinition,
  into: string,
): Promise<number> {
  const doing = `loading ${table.name}`;
  let tsv: TsvStream | undefined;
  // Opened only when the server asks for it, so a statement refused up front reads nothing.
  const open = () => {
    tsv = source.nativeText?.() ?? tsvStream(table, source.batches(), CHUNK_BYTES);
    return tsv.stream;
  };
  const result = await session.loadLocal((name) => loadDataSql(table, into, name), open, doing);
  const sent = tsv?.rows() ?? 0;
  // With LOCAL the server downgrades bad values and duplicate keys to warnings and carries on.
  if (result.warningStatus > 0) {
    const warnings = await session.warnings();
    throw new MysqlInputError(
      `${doing}: the server reported ${result.warningStatus} warning(s), so the data would not be stored exactly: ${warnings.join('; ')}`,
    );
  }
  if (result.affectedRows !== sent) {
    throw new MysqlInputError(
      `${doing}: sent ${sent} rows but the server stored ${result.affectedRows}`,
    );
  }
  return result.affectedRows;
}

/** Drops what an interrupted run left, then proves the privileges the swap needs on a scratch table. */
async function prepareDatabase(
  session: SinkSession,
  existing: ReadonlySet<string>,
  warn: (message: string) => void,
): Promise<void> {
  const leftovers = [...CATALOGUE.map((t) => t.name), PROBE_TABLE]
    .flatMap((name) => [loaderTableName(name, 'stage'), loaderTableName(name, 'old')])
    .filter((name) => existing.has(name));
  if (leftovers.length > 0) {
    warn(
      `dropping ${leftovers.length} table(s) left by an interrupted load: ${leftovers.join(', ')}`,
    );
    await session.query('SET foreign_key_checks = 0');
    await session.query(
      `DROP TABLE IF EXISTS ${leftovers.map(q).join(', ')}`,
      [],
      'dropping leftovers',
    );
    await session.query('SET foreign_key_checks = 1');
  }
  const probe = loaderTableName(PROBE_TABLE, 'stage');
  const renamed = loaderTableName(PROBE_TABLE, 'old');
  const doing = 'checking privileges on a scratch table';
  await session.query(`CREATE TABLE ${q(probe)} (id INT PRIMARY KEY) ENGINE=InnoDB`, [], doing);
  await session.query(`RENAME TABLE ${q(probe)} TO ${q(renamed)}`, [], doing);
  await session.query(`DROP TABLE ${q(renamed)}`, [], doing);
}

interface CheckedTable {
  readonly item: SourceTable;
  readonly table: TableDefinition;
  readonly stage: string;
}

/**
 * The source's tables as the catalogue defines them, in the order given,
 * refusing duplicates, a table before a parent it references, and appends to
 * tables the database lacks.
 */
async function* checkedTables(
  tables: AsyncIterable<SourceTable> | Iterable<SourceTable>,
  context: Pick<StageContext, 'session' | 'existing' | 'appending'>,
): AsyncIterable<CheckedTable> {
  const { session, existing, appending } = context;
  const seen = new Set<string>();
  for await (const item of tables) {
    const table = catalogueTable(item.table);
    if (seen.has(table.name)) throw new Error(`the dataset holds ${table.name} twice`);
    for (const fk of table.foreignKeys) {
      const parent = fk.references.table;
      const available = seen.has(parent) || (appending && existing.has(parent));
      if (parent !== table.name && !available) {
        throw new MysqlInputError(
          `the dataset gives ${table.name} before (or without) ${parent}, which it references`,
        );
      }
    }
    if (appending && !existing.has(table.name)) {
      throw new MysqlInputError(
        `cannot append to ${table.name}: ${session.target.database} has no such table; load with { mode: 'replace' }`,
      );
    }
    seen.add(table.name);
    yield { item, table, stage: loaderTableName(table.name, 'stage') };
  }
}

async function createStage(
  session: SinkSession,
  { table, stage }: CheckedTable,
  appending: boolean,
): Promise<void> {
  const ddl = createTableSql(table, {
    collation: session.server.collation,
    nameOf: (name) => loaderTableName(name, 'stage'),
    // Appended rows may reference live parents, which staging tables cannot.
    foreignKeys: !appending,
  });
  await session.query(ddl, [], `creating ${stage}`);
}

/** Loads one staging table on `session` and checks it against what its source declared. */
async function stageTable(
  session: SinkSession,
  { item, table, stage }: CheckedTable,
  context: StageContext,
): Promise<StagedTable> {
  context.say(`loading ${table.name}`);
  const started = performance.now();
  const rows = context.useLoadData
    ? await loadDataLocal(session, item, table, stage)
    : await insertBatches(session, table, stage, item.batches());
  if (item.expectedRows !== undefined && rows !== item.expectedRows) {
    throw new MysqlInputError(
      `${table.name}: datapackage.json lists ${item.expectedRows} rows but ${rows} were loaded`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  context.say(`${table.name}: ${rows} rows in ${seconds.toFixed(1)} s`);
  return { table, stage, rows, expected: item.expectedRows ?? rows, seconds };
}

/**
 * Creates a staging table per source table and loads it, one after another,
 * reading each source table only once the previous one is loaded (the
 * generators' streams require it). Staged tables are pushed to `staged` as
 * they complete, so the caller can drop them whatever happens.
 */
async function stageInTurn(
  tables: AsyncIterable<SourceTable> | Iterable<SourceTable>,
  staged: StagedTable[],
  context: StageContext,
): Promise<void> {
  for await (const checked of checkedTables(tables, context)) {
    await createStage(context.session, checked, context.appending);
    const done = await stageTable(context.session, checked, context);
    staged.push(done);
    context.onStaged(done);
  }
}

/**
 * Creates every staging table, then loads them over LOAD_CONNECTIONS
 * connections at once: the server parses and indexes each LOAD DATA on one
 * thread, so side by side they use more of its cores. Foreign-key checks are
 * off while staging, so any order would do; taking tables in foreign-key order
 * lets the verifier check each one (once its parents are in) while later ones
 * load. On the first failure the other loads are killed and awaited before the
 * error is rethrown.
 */
async function stageSideBySide(
  tables: AsyncIterable<SourceTable> | Iterable<SourceTable>,
  staged: StagedTable[],
  context: StageContext,
): Promise<void> {
  const all: CheckedTable[] = [];
  for await (const checked of checkedTables(tables, context)) all.push(checked);
  context.onPlanned(all.map((c) => c.table.name));
  // The loaders connect while the staging tables are created.
  const opening = openSiblings(context.session, Math.min(LOAD_CONNECTIONS, all.length));
  // Awaited below; until then a failure to connect must not count as unhandled.
  opening.catch(() => {});
  try {
    for (const checked of all) await createStage(context.session, checked, context.appending);
  } catch (error) {
    for (const loader of await opening.catch(() => [])) loader.destroy();
    throw error;
  }
  const loaders = await opening;
  const queue = [...all];
  let failure: { error: unknown } | undefined;
  const work = async (session: SinkSession) => {
    await session.query('SET foreign_key_checks = 0, unique_checks = 0');
    for (let next = queue.shift(); next && !failure; next = queue.shift()) {
      const done = await stageTable(session, next, context);
      staged.push(done);
      context.onStaged(done);
    }
  };
  const stop = async (error: unknown) => {
    if (failure) return;
    failure = { error };
    // Interrupts the other loads, so nothing holds the staging tables the caller drops next.
    for (const loader of loaders) {
      await context.session.query(`KILL QUERY ${loader.threadId}`).catch(() => {});
      loader.destroy();
    }
  };
  await Promise.all(loaders.map((loader) => work(loader).catch(stop)));
  if (failure) throw failure.error;
  await Promise.all(loaders.map((loader) => loader.close()));
}

/** The loader behind loadDataset, over tables from any source. */
export async function loadSourceTables(
  tables: AsyncIterable<SourceTable> | Iterable<SourceTable>,
  connection: MysqlConnectionOptions,
  options: LoadOptions & {
    /** The source's tables can be read at the same time (files), not only in turn (generator streams). */
    readonly tablesAtOnce?: boolean;
  },
): Promise<LoadReport> {
  const started = performance.now();
  const mode: LoadMode = options.mode ?? 'replace';
  const method = options.method ?? 'auto';
  const session = await SinkSession.open(connection, {
    createDatabase: options.createDatabase ?? false,
  });
  const say = (message: string) => options.onMessage?.(session.redact(message), 'progress');
  const warn = (message: string) => options.onMessage?.(session.redact(message), 'warning');
  try {
    const { database, host, port } = session.target;
    // One load per database at a time; the server frees the lock when a (killed) loader's connection ends.
    const [lock] = await session.rows('SELECT GET_LOCK(?, ?) AS got', [
      `lm-synth:${database}`.slice(0, 64),
      LOCK_WAIT_SECONDS,
    ]);
    if (Number(lock?.got) !== 1) {
      throw new MysqlInputError(
        `another lm-synth load into ${database} on ${host}:${port} is still running after ${LOCK_WAIT_SECONDS} s`,
      );
    }
    const existing = await existingTables(session);
    const live = CATALOGUE.filter((table) => existing.has(table.name));
    for (const table of live) {
      const mismatch = tableShapeMismatch(table, existing.get(table.name)!);
      if (mismatch)
        throw new MysqlInputError(`${mismatch}; drop or rename it, or load into another database`);
    }
    if (mode === 'fail-if-exists' && live.length > 0) {
      throw new MysqlInputError(
        `${database} already has lm-synth tables (${live.map((t) => t.name).join(', ')}) and { mode: 'fail-if-exists' } refuses to replace them`,
      );
    }
    const appending = mode === 'append' && live.length > 0;
    let useLoadData = method !== 'insert';
    if (useLoadData && !session.server.localInfile) {
      if (method === 'load-data') {
        throw new MysqlInputError(`local_infile is OFF on ${host}:${port}; ${LOCAL_INFILE_HINT}`);
      }
      warn(
        `local_infile is OFF on ${host}:${port}: falling back to batched INSERTs, which are much slower; for the fast path, ${LOCAL_INFILE_HINT}`,
      );
      useLoadData = false;
    }
    await prepareDatabase(session, new Set(existing.keys()), warn);

    const staged: StagedTable[] = [];
    // Replace mode checks each staged table on connections of its own while the next ones load.
    const sideBySide = (options.tablesAtOnce ?? false) && useLoadData;
    const verifier = appending
      ? undefined
      : await StagingVerifier.open(session, VERIFY_CONNECTIONS);
    let keyCheck: Omit<VerificationReport, 'projection'>;
    try {
      await session.query('SET foreign_key_checks = 0, unique_checks = 0');
      await (sideBySide ? stageSideBySide : stageInTurn)(tables, staged, {
        session,
        existing: new Set(existing.keys()),
        appending,
        useLoadData,
        say,
        onPlanned: (names) => verifier?.plan(names),
        onStaged: (s) => verifier?.add(s.table, s.stage, s.expected),
      });
      staged.sort((a, b) => cataloguePosition(a.table.name)! - cataloguePosition(b.table.name)!);
      await session.query('SET foreign_key_checks = 1, unique_checks = 1');
      if (staged.length === 0) throw new MysqlInputError('the dataset holds no tables');

      if (!verifier) {
        say('appending the staged rows');
        keyCheck = await appendStaged(session, staged, live);
      } else {
        say('verifying the staged tables');
        const check = await verifier.finish();
        if (!check.ok) {
          throw new MysqlInputError(
            `verification failed, nothing was replaced: ${describeVerificationFailures(check)}`,
          );
        }
        keyCheck = check;
        // One statement: every table (and every retired one) changes name at once.
        const renames = [
          ...live.map((t) => `${q(t.name)} TO ${q(loaderTableName(t.name, 'old'))}`),
          ...staged.map((s) => `${q(s.stage)} TO ${q(s.table.name)}`),
        ];
        await session.query(
          `RENAME TABLE ${renames.join(', ')}`,
          [],
          'swapping the loaded tables in',
        );
        say(`swapped in ${staged.length} table(s)`);
      }
    } catch (error) {
      await verifier?.abort(session);
      // Only staging tables go; the live ones were never touched.
      await session.query('SET foreign_key_checks = 0').catch(() => {});
      const stages = CATALOGUE.map((t) => q(loaderTableName(t.name, 'stage')));
      await session.query(`DROP TABLE IF EXISTS ${stages.join(', ')}`).catch(() => {});
      throw error;
    } finally {
      await verifier?.close();
    }

    await session.query('SET foreign_key_checks = 0');
    const finished = appending
      ? staged.map((s) => s.stage)
      : live.map((t) => loaderTableName(t.name, 'old'));
    if (finished.length > 0) {
      await session
        .query(
          `DROP TABLE IF EXISTS ${finished.map(q).join(', ')}`,
          [],
          'dropping the previous tables',
        )
        .catch((error: Error) => warn(`${error.message}; the next load drops them`));
    }
    await session.query('SET foreign_key_checks = 1');

    // The counts and key checks ran on exactly these rows, before the swap (or inside the append).
    const present = new Set([
      ...(appending ? live.map((t) => t.name) : []),
      ...staged.map((s) => s.table.name),
    ]);
    const projection = await edProjection(session, present, options.projectionYear);
    // The rows are in place: a view the server refuses is worth a warning, not a failed load.
    const views = await createViews(session, present).catch((error: Error) => {
      warn(`${error.message}; the tables are loaded, the analysis views are not`);
      return [];
    });
    return {
      host,
      port,
      database,
      server: session.server,
      mode,
      method: useLoadData ? 'load-data' : 'insert',
      tables: staged.map((s) => ({ table: s.table.name, rows: s.rows, seconds: s.seconds })),
      rows: staged.reduce((sum, s) => sum + s.rows, 0),
      seconds: (performance.now() - started) / 1000,
      verification: { ...keyCheck, ...(projection ? { projection } : {}) },
      views,
    };
  } catch (error) {
    if (error instanceof Error) error.message = session.redact(error.message);
    throw error;
  } finally {
    await session.close();
  }
}
