import { CATALOGUE } from '@lm-synth/dims';
import mysql, { type RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { MysqlInputError } from './mysql-input-error.js';
import { TEST_SERVER, withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';
import { withTestUser } from './test-user.js';
import { verifyDatabase } from './verify-database.js';

const tiny = testDataset({ patients: 10 });

async function failure(promise: Promise<unknown>): Promise<MysqlInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MysqlInputError);
  return error as MysqlInputError;
}

describe('connection problems', () => {
  it('says when nothing listens on the port', async () => {
    const error = await failure(
      loadDataset(tiny.streams(), { url: 'mysql://root@127.0.0.1:3307/lm_x' }),
    );
    expect(error.message).toBe(
      'cannot connect to 127.0.0.1:3307: connection refused (is the server running on that port?)',
    );
  });

  it('says when the password is wrong, never showing it', async () => {
    await withTestDatabase(async ({ name }) => {
      await withTestUser(name, 'ALL', async ({ user, password }) => {
        const url = `mysql://${user}@${TEST_SERVER.host}/${name}`;
        const wrong = `${password}-wrong`;
        const error = await failure(loadDataset(tiny.streams(), { url, password: wrong }));
        expect(error.message).toMatch(
          new RegExp(`^access denied for user '${user}'@'[^']+' \\(check LM_SYNTH_MYSQL_PASSWORD`),
        );
        expect(error.message).not.toContain(wrong);
        // The password also goes when it came inside the URL.
        const inUrl = `mysql://${user}:${encodeURIComponent(wrong)}@${TEST_SERVER.host}/${name}`;
        const fromUrl = await failure(loadDataset(tiny.streams(), { url: inUrl }));
        expect(fromUrl.message).not.toContain(wrong);
        expect(fromUrl.message).not.toContain(encodeURIComponent(wrong));
      });
    });
  });

  it('asks once for a password when access is denied without one', async () => {
    await withTestDatabase(async ({ name, admin }) => {
      await withTestUser(name, 'ALL', async ({ user, password }) => {
        const url = `mysql://${user}@${TEST_SERVER.host}/${name}`;
        let asked = 0;
        const messages: string[] = [];
        const report = await loadDataset(
          tiny.streams(),
          {
            url,
            promptPassword: async () => {
              asked++;
              return password;
            },
          },
          { onMessage: (m) => messages.push(m) },
        );
        expect(asked).toBe(1);
        expect(report.verification.ok).toBe(true);
        expect(JSON.stringify(report) + messages.join('')).not.toContain(password);
        const [rows] = await admin.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM patients');
        expect(rows[0]!.n).toBe(10);
      });
    });
  });

  it('says which privilege is missing, and changes nothing', async () => {
    await withTestDatabase(async ({ name, url, admin }) => {
      await loadDataset(tiny.streams(), { url });
      await withTestUser(name, 'SELECT, INSERT', async ({ user, password }) => {
        const userUrl = `mysql://${user}@${TEST_SERVER.host}/${name}`;
        const error = await failure(loadDataset(tiny.streams(), { url: userUrl, password }));
        expect(error.message).toMatch(
          /^checking privileges on a scratch table: missing privilege: CREATE command denied to user .*lm-synth load needs SELECT, INSERT, CREATE, DROP, ALTER, INDEX and REFERENCES/,
        );
        expect(error.message).not.toContain(password);
      });
      const [tables] = await admin.query<RowDataPacket[]>(
        "SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'",
      );
      expect(tables).toHaveLength(CATALOGUE.length);
    });
  });

  it('creates the database only when asked', async () => {
    const database = `lm_test_${process.pid}_created`;
    const url = `mysql://root@${TEST_SERVER.host}/${database}`;
    const admin = await mysql.createConnection(TEST_SERVER);
    try {
      const error = await failure(loadDataset(tiny.streams(), { url }));
      expect(error.message).toMatch(
        new RegExp(
          `^database ${database} does not exist on 127\\.0\\.0\\.1:3306 .*pass \\{ createDatabase: true \\}`,
        ),
      );
      const report = await loadDataset(tiny.streams(), { url }, { createDatabase: true });
      expect(report.verification.ok).toBe(true);
      const verification = await verifyDatabase({ url });
      expect(verification.ok).toBe(true);
      expect(verification.tables.find((t) => t.table === 'patients')?.rows).toBe(10);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    }
  });

  it('refuses TLS options the server cannot honour', async () => {
    const url = `mysql://root@${TEST_SERVER.host}/mysql`;
    expect((await failure(verifyDatabase({ url, insecureTls: true }))).message).toMatch(
      /127\.0\.0\.1:3306 does not offer TLS/,
    );
    expect((await failure(verifyDatabase({ url, insecureTls: true, tlsCa: 'x' }))).message).toMatch(
      /contradict/,
    );
  });
});
