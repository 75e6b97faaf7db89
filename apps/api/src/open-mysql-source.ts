import { CATALOGUE } from '@lm-synth/dims';
import { parseMysqlUrl, quoteMysqlIdentifier, redact } from '@lm-synth/mysql-sink';
import mysql from 'mysql2/promise';
import { ApiInputError } from './api-input-error.js';
import type { DataSource, JsonRow, SqlDialect } from './data-source.js';
import { mysqlJsonValue } from './mysql-json-value.js';

export interface MysqlSourceOptions {
  /** `mysql://user@host:port/database[?ssl-mode=REQUIRED|VERIFY_IDENTITY]`, as for `lm-synth load`. */
  readonly url: string;
  /** Used when the URL carries none. */
  readonly password?: string;
  /** Connections kept open for concurrent requests (default 4). */
  readonly connections?: number;
}

const MYSQL_DIALECT: SqlDialect = {
  quoteIdentifier: quoteMysqlIdentifier,
  // DATETIME holds UTC wall time as the loader wrote it.
  instantParameter: (ms) => ({
    placeholder: 'CAST(? AS DATETIME)',
    value: new Date(ms).toISOString().slice(0, 19).replace('T', ' '),
  }),
};

/**
 * Serves a database loaded by `lm-synth load`. Sessions are read-only
 * (`SET SESSION TRANSACTION READ ONLY`) and every query is a server-side
 * prepared statement. Throws an input error when the server cannot be reached
 * or the database holds no lm-synth tables.
 */
export async function openMysqlSource(options: MysqlSourceOptions): Promise<DataSource> {
  const target = parseMysqlUrl(options.url, { passwordAllowed: true });
  const password = options.password ?? target.password;
  const pool = mysql.createPool({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    ...(password === undefined ? {} : { password }),
    ...(target.tlsMode === undefined || target.tlsMode === 'disabled'
      ? {}
      : {
          ssl: { minVersion: 'TLSv1.2', rejectUnauthorized: target.tlsMode === 'verify-identity' },
        }),
    charset: 'UTF8MB4_UNICODE_CI',
    connectionLimit: options.connections ?? 4,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  pool.on('connection', (connection) => {
    // A callback-style connection: errors surface on the query that needs it.
    connection.query('SET SESSION TRANSACTION READ ONLY');
  });
  const location = `${target.host}:${target.port}/${target.database}`;
  let present: Set<string>;
  try {
    const [rows] = await pool.query<mysql.RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
    );
    const names = new Set(rows.map((row) => String(row.name)));
    present = new Set(CATALOGUE.map((table) => table.name).filter((name) => names.has(name)));
  } catch (error) {
    await pool.end();
    const { code, message } = error as { code?: string; message?: string };
    throw new ApiInputError(
      redact(
        `cannot read MySQL database ${location}: ${code ?? message ?? String(error)}`,
        password ? [password] : [],
      ),
      { cause: error },
    );
  }
  if (present.size === 0) {
    await pool.end();
    throw new ApiInputError(
      `${location} holds no lm-synth tables; load a dataset with lm-synth load first`,
    );
  }
  return {
    kind: 'mysql',
    location,
    dialect: MYSQL_DIALECT,
    tables: present,
    async select(sql, parameters, columns) {
      const [rows] = await pool.execute<mysql.RowDataPacket[]>(sql, [...parameters]);
      return rows.map((record) => {
        const row: JsonRow = {};
        for (const column of columns)
          row[column.name] = mysqlJsonValue(column.type, record[column.name]);
        return row;
      });
    },
    async close() {
      await pool.end();
    },
  };
}
