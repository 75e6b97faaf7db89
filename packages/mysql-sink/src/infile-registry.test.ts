import { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { InfileRegistry } from './infile-registry.js';
import { TEST_SERVER, withTestDatabase } from './test-database.js';

describe('InfileRegistry', () => {
  it('serves an offered stream once and refuses any other path the server asks for', async () => {
    await withTestDatabase(async ({ name, admin }) => {
      await admin.query('CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(200))');
      const registry = new InfileRegistry();
      const connection = await mysql.createConnection({
        ...TEST_SERVER,
        database: name,
        infileStreamFactory: registry.streamFactory,
      });
      try {
        const load = (path: string) =>
          connection.query(`LOAD DATA LOCAL INFILE '${path}' INTO TABLE t (id, note)`);
        const offered = registry.offer(() => Readable.from([Buffer.from('1\tfirst\n2\tsecond\n')]));
        await expect(load(offered)).resolves.toBeDefined();
        await expect(load('/etc/passwd')).rejects.toThrow(
          'the server asked to read the local file "/etc/passwd", which lm-synth did not offer; refused',
        );
        // An offer is good for one request only.
        await expect(load(offered)).rejects.toThrow(/did not offer/);
        expect(registry.refused).toEqual(['/etc/passwd', offered]);
        const [rows] = await admin.query('SELECT id, note FROM t ORDER BY id');
        expect(rows).toEqual([
          { id: 1, note: 'first' },
          { id: 2, note: 'second' },
        ]);
      } finally {
        await connection.end();
      }
    });
  });

  it('names each offer differently', () => {
    const registry = new InfileRegistry();
    const open = () => Readable.from([]);
    expect(registry.offer(open)).not.toBe(registry.offer(open));
  });
});
