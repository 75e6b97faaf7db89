import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { MysqlInputError } from './mysql-input-error.js';
import { SinkSession } from './sink-session.js';
import { withTestDatabase } from './test-database.js';

describe('SinkSession', () => {
  it('refuses a server request for a local file it did not offer, reading nothing', async () => {
    await withTestDatabase(async ({ url, admin }) => {
      await admin.query('CREATE TABLE t (line TEXT)');
      const session = await SinkSession.open({ url }, { createDatabase: false });
      try {
        const load = session.query("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t");
        await expect(load).rejects.toBeInstanceOf(MysqlInputError);
        await expect(load).rejects.toThrow(
          'the server asked to read the local file "/etc/passwd", which lm-synth did not offer; refused',
        );
        expect(session.infiles.refused).toEqual(['/etc/passwd']);
      } finally {
        await session.close();
      }
      const [rows] = await admin.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM t');
      expect(rows[0]!.n).toBe(0);
    });
  });

  it('detects the server and picks a collation it has', async () => {
    await withTestDatabase(async ({ url }) => {
      const session = await SinkSession.open({ url }, { createDatabase: false });
      try {
        expect(session.server).toMatchObject({
          flavor: 'mariadb',
          collation: 'utf8mb4_unicode_520_ci',
          localInfile: true,
        });
        const [mode] = await session.rows(
          'SELECT @@SESSION.sql_mode AS m, @@SESSION.time_zone AS z',
        );
        expect(String(mode!.m)).toContain('STRICT_ALL_TABLES');
        expect(mode!.z).toBe('+00:00');
      } finally {
        await session.close();
      }
    });
  });
});
