import type { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import { preferredCollation } from './collation.js';
import { InfileRegistry } from './infile-registry.js';
import type { MysqlConnectionOptions } from './mysql-connection-options.js';
import { type ErrorContext, mysqlError } from './mysql-error.js';
import { MysqlInputError } from './mysql-input-error.js';
import { type MysqlTarget, parseMysqlUrl } from './mysql-url.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import { redact } from './redact.js';
import type { ServerInfo } from './server-info.js';
import { parseServerVersion } from './server-version.js';

const ER_ACCESS_DENIED = 1045;
const CONNECT_TIMEOUT_MS = 10_000;
// Streams from generators may pause between batches longer than the 30 s default.
const NET_TIMEOUT_SECONDS = 600;
const SESSION_SETTINGS = `SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00', net_read_timeout = ${NET_TIMEOUT_SECONDS}, net_write_timeout = ${NET_TIMEOUT_SECONDS}`;

type Row = mysql.RowDataPacket;

function sslOptions(
  target: MysqlTarget,
  options: MysqlConnectionOptions,
): mysql.SslOptions | undefined {
  if (options.tlsCa !== undefined && options.insecureTls) {
    throw new MysqlInputError(
      '{ tlsCa } and { insecureTls: true } contradict each other; pass one',
    );
  }
  if (target.tlsMode === 'disabled' && (options.tlsCa !== undefined || options.insecureTls)) {
    throw new MysqlInputError(
      'ssl-mode=DISABLED in the URL contradicts { tlsCa } and { insecureTls: true }',
    );
  }
  const base = { minVersion: 'TLSv1.2' };
  if (options.insecureTls || target.tlsMode === 'required')
    return { ...base, rejectUnauthorized: false };
  if (options.tlsCa !== undefined) return { ...base, ca: options.tlsCa, rejectUnauthorized: true };
  if (target.tlsMode === 'verify-identity') return { ...base, rejectUnauthorized: true };
  return undefined;
}

/**
 * One connection to the target database, with the loader's session settings,
 * its own LOCAL INFILE registry, and every error turned into a clear, redacted
 * message.
 */
export class SinkSession {
  readonly infiles: InfileRegistry;
  readonly #connection: mysql.Connection;
  readonly #secrets: readonly string[];
  readonly #connect: () => Promise<mysql.Connection>;

  private constructor(
    readonly target: MysqlTarget,
    readonly server: ServerInfo,
    connection: mysql.Connection,
    infiles: InfileRegistry,
    secrets: readonly string[],
    connect: () => Promise<mysql.Connection>,
  ) {
    this.#connection = connection;
    this.infiles = infiles;
    this.#secrets = secrets;
    this.#connect = connect;
  }

  /** Connects, checks the server, selects (or creates) the database and sets up the session. */
  static async open(
    options: MysqlConnectionOptions,
    settings: { readonly createDatabase: boolean },
  ): Promise<SinkSession> {
    const target = parseMysqlUrl(options.url, { passwordAllowed: true });
    let password = options.password ?? target.password;
    const secrets = [password, options.password, target.password].filter(
      (s): s is string => s !== undefined && s !== '',
    );
    const context = (doing?: string): ErrorContext => ({
      ...target,
      secrets,
      ...(doing ? { doing } : {}),
    });
    const infiles = new InfileRegistry();
    const ssl = sslOptions(target, options);
    const connect = () =>
      mysql.createConnection({
        host: target.host,
        port: target.port,
        user: target.user,
        ...(password === undefined ? {} : { password }),
        ...(ssl ? { ssl } : {}),
        charset: 'UTF8MB4_UNICODE_CI',
        connectTimeout: CONNECT_TIMEOUT_MS,
        infileStreamFactory: infiles.streamFactory,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        multipleStatements: false,
      });
    let connection: mysql.Connection;
    try {
      connection = await connect();
    } catch (error) {
      const denied = (error as { errno?: number }).errno === ER_ACCESS_DENIED;
      if (!denied || password !== undefined || !options.promptPassword)
        throw mysqlError(error, context());
      password = await options.promptPassword();
      secrets.push(password);
      try {
        connection = await connect();
      } catch (retryError) {
        throw mysqlError(retryError, context());
      }
    }
    try {
      const server = await detectServer(connection);
      const session = new SinkSession(target, server, connection, infiles, secrets, connect);
      await session.#useDatabase(settings.createDatabase);
      await session.query(SESSION_SETTINGS);
      return session;
    } catch (error) {
      connection.destroy();
      throw mysqlError(error, context('checking the server'));
    }
  }

  /** A second connection to the same database with the same settings (and password), e.g. to verify while loading. */
  async sibling(): Promise<SinkSession> {
    let connection: mysql.Connection;
    try {
      connection = await this.#connect();
    } catch (error) {
      throw mysqlError(error, this.context('opening a second connection'));
    }
    const session = new SinkSession(
      this.target,
      this.server,
      connection,
      this.infiles,
      this.#secrets,
      this.#connect,
    );
    try {
      await session.query(`USE ${q(this.target.database)}`);
      await session.query(SESSION_SETTINGS);
    } catch (error) {
      connection.destroy();
      throw error;
    }
    return session;
  }

  async #useDatabase(create: boolean): Promise<void> {
    const { database, host, port } = this.target;
    const found = await this.rows(
      'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [database],
    );
    if (found.length === 0) {
      if (!create) {
        throw new MysqlInputError(
          `database ${database} does not exist on ${host}:${port} (or you have no privileges on it); create it or pass { createDatabase: true }`,
        );
      }
      await this.query(
        `CREATE DATABASE IF NOT EXISTS ${q(database)} CHARACTER SET utf8mb4 COLLATE ${this.server.collation}`,
        [],
        `creating database ${database}`,
      );
    }
    await this.query(`USE ${q(database)}`, [], `selecting database ${database}`);
  }

  /** `text` with this session's secrets masked: every message the loader produces goes through it. */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }

  /** Error context for messages. */
  context(doing?: string): ErrorContext {
    return { ...this.target, secrets: this.#secrets, ...(doing ? { doing } : {}) };
  }

  /** A statement without result rows. */
  async query(sql: string, values: unknown[] = [], doing?: string): Promise<mysql.ResultSetHeader> {
    try {
      const [result] = await this.#connection.query<mysql.ResultSetHeader>(sql, values);
      return result;
    } catch (error) {
      throw mysqlError(error, this.context(doing));
    }
  }

  /** A SELECT. */
  async rows(sql: string, values: unknown[] = [], doing?: string): Promise<Row[]> {
    try {
      const [rows] = await this.#connection.query<Row[]>(sql, values);
      return rows;
    } catch (error) {
      throw mysqlError(error, this.context(doing));
    }
  }

  /** A prepared statement (the INSERT fallback). */
  async execute(sql: string, values: unknown[], doing?: string): Promise<mysql.ResultSetHeader> {
    try {
      const [result] = await this.#connection.execute<mysql.ResultSetHeader>(sql, values as never);
      return result;
    } catch (error) {
      throw mysqlError(error, this.context(doing));
    }
  }

  /** Drops the prepared statements of `sql` (the INSERT fallback's last, shorter batch). */
  unprepare(sql: string): void {
    this.#connection.unprepare(sql);
  }

  /**
   * `LOAD DATA LOCAL INFILE` of a stream only this statement may read: the
   * statement is built around the name the stream is offered under.
   */
  async loadLocal(
    statement: (infileName: string) => string,
    open: () => Readable,
    doing: string,
  ): Promise<mysql.ResultSetHeader> {
    const name = this.infiles.offer(open);
    try {
      return await this.query(statement(name), [], doing);
    } finally {
      this.infiles.withdraw(name);
    }
  }

  /** The first warnings of the last statement, as text. */
  async warnings(limit = 5): Promise<string[]> {
    const rows = await this.rows(`SHOW WARNINGS LIMIT ${limit}`);
    return rows.map((row) => `${row.Level} ${row.Code}: ${row.Message}`);
  }

  /** The server's id of this connection, for KILL QUERY. */
  get threadId(): number {
    return this.#connection.threadId;
  }

  /** Closes at once, abandoning whatever statement is running. */
  destroy(): void {
    this.#connection.destroy();
  }

  async close(): Promise<void> {
    try {
      await this.#connection.end();
    } catch {
      this.#connection.destroy();
    }
  }
}

async function detectServer(connection: mysql.Connection): Promise<ServerInfo> {
  const [[status]] = await connection.query<Row[]>(
    'SELECT VERSION() AS version, @@GLOBAL.local_infile AS localInfile',
  );
  const { flavor, version } = parseServerVersion(String(status!.version));
  const [collations] = await connection.query<Row[]>(
    "SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS WHERE CHARACTER_SET_NAME = 'utf8mb4'",
  );
  return {
    flavor,
    version,
    collation: preferredCollation(flavor, new Set(collations.map((row) => String(row.name)))),
    localInfile: Number(status!.localInfile) === 1,
  };
}
