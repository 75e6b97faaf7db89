import mysql from 'mysql2/promise';
import { TEST_SERVER } from './test-database.js';

export interface TestUser {
  readonly user: string;
  readonly password: string;
}

let counter = 0;

/** Runs `body` with a throw-away account holding `grants` (SQL after GRANT ... ON db.* TO). */
export async function withTestUser<T>(
  database: string,
  privileges: string,
  body: (account: TestUser) => Promise<T>,
): Promise<T> {
  const user = `lm_test_${process.pid}_${++counter}`;
  // Characters a careless redaction or a URL would mangle.
  const password = `Pw:${process.pid}@#/%${counter}`;
  const admin = await mysql.createConnection(TEST_SERVER);
  try {
    await admin.query('CREATE USER ?@? IDENTIFIED BY ?', [user, '%', password]);
    await admin.query(`GRANT ${privileges} ON \`${database}\`.* TO ?@?`, [user, '%']);
    return await body({ user, password });
  } finally {
    await admin.query('DROP USER IF EXISTS ?@?', [user, '%']);
    await admin.end();
  }
}
