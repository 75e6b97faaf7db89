import mysql from 'mysql2/promise';

/** The MariaDB every test runs against (root, no password, local_infile on). */
export const TEST_SERVER = { host: '127.0.0.1', port: 3306, user: 'root' } as const;

export interface TestDatabase {
  readonly name: string;
  /** mysql:// URL of the database, for the loader. */
  readonly url: string;
  /** A root connection with the database selected, for assertions. */
  readonly admin: mysql.Connection;
}

let counter = 0;

/** Runs `body` against a fresh database of its own, dropped afterwards whatever happens. */
export async function withTestDatabase<T>(body: (db: TestDatabase) => Promise<T>): Promise<T> {
  const name = `lm_test_${process.pid}_${++counter}`;
  const admin = await mysql.createConnection({ ...TEST_SERVER, dateStrings: true });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\``);
    await admin.query(`USE \`${name}\``);
    const url = `mysql://${TEST_SERVER.user}@${TEST_SERVER.host}:${TEST_SERVER.port}/${name}`;
    return await body({ name, url, admin });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
