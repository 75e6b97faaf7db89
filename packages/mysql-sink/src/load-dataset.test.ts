import type { TableBatches } from '@lm-synth/dims';
import { CATALOGUE, tableByName } from '@lm-synth/dims';
import { makeData, RecordBatch, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { withTestDatabase } from './test-database.js';
import { type TestDataset, testDataset } from './test-dataset.js';
import { checksum, databaseLines, expectedLines } from './test-expected-rows.js';
import { withOutputDirectory } from './test-output-directory.js';

const small = testDataset({ patients: 400, batchRows: 150 });
const next = testDataset({ patients: 250, batchRows: 64, variant: 1 });

async function tableNames(admin: Connection, database: string): Promise<string[]> {
  const [rows] = await admin.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [database],
  );
  return rows.map((r) => String(r.t));
}

/** Checksums of every catalogue table present, by name. */
async function snapshot(admin: Connection): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const table of CATALOGUE)
    result.set(table.name, checksum(await databaseLines(admin, table)));
  return result;
}

function expectedSnapshot(dataset: ReturnType<typeof testDataset>): Map<string, string> {
  return new Map(
    CATALOGUE.map((table) => [
      table.name,
      checksum(expectedLines(table, dataset.tables.get(table.name)!)),
    ]),
  );
}

/** The small dataset with one table's batches swapped for others. */
async function* withTable(
  name: string,
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
): AsyncIterable<TableBatches> {
  for await (const stream of small.streams()) {
    yield stream.table.name === name ? { table: stream.table, batches } : stream;
  }
}

describe('loadDataset', () => {
  it('loads every table exactly, verifies it and reports the §14.7 checks', async () => {
    await withTestDatabase(async ({ name, url, admin }) => {
      const messages: string[] = [];
      const report = await loadDataset(
        small.streams(),
        { url },
        { onMessage: (m) => messages.push(m) },
      );
      expect(report.method).toBe('load-data');
      expect(report.server.flavor).toBe('mariadb');
      expect(report.verification.ok).toBe(true);
      expect(report.tables.map((t) => [t.table, t.rows])).toEqual(
        CATALOGUE.map((t) => [t.name, small.rows(t.name)]),
      );
      expect(report.verification.tables.every((t) => t.rows === t.expected)).toBe(true);
      expect(report.verification.foreignKeys).toHaveLength(
        CATALOGUE.flatMap((t) => t.foreignKeys).length,
      );
      expect(report.verification.foreignKeys.every((fk) => fk.orphans === 0)).toBe(true);
      expect(report.verification.projection?.year).toBe(2025);
      expect(report.verification.projection?.rows).toHaveLength(12 * 3);
      expect(report.views).toEqual(
        expect.arrayContaining(['v_ed_volume_projection', 'v_ed_volume_projection_routed']),
      );
      // Routing moves volume between facilities and keeps each year's total.
      const [totals] = await admin.query<RowDataPacket[]>(
        `SELECT (SELECT SUM(projected_volumes) FROM v_ed_volume_projection WHERE year = 2025) AS blueprint,
                (SELECT SUM(projected_volumes) FROM v_ed_volume_projection_routed WHERE year = 2025) AS routed`,
      );
      expect(Math.abs(Number(totals[0]!.blueprint) - Number(totals[0]!.routed))).toBeLessThan(1);
      expect(await snapshot(admin)).toEqual(expectedSnapshot(small));
      expect(await tableNames(admin, name)).toEqual(CATALOGUE.map((t) => t.name).sort());
      expect(messages).toContain('loading patients');
      // The staging tables' foreign keys took the live names in the swap.
      const [constraints] = await admin.query<RowDataPacket[]>(
        'SELECT CONSTRAINT_NAME AS n, REFERENCED_TABLE_NAME AS r FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?',
        [name, 'ed_encounters'],
      );
      expect(constraints.map((c) => `${c.n}->${c.r}`).sort()).toEqual([
        'ed_encounters_ibfk_ed_pat->patients',
        'ed_encounters_ibfk_ed_site->dim_site',
      ]);
    });
  });

  it('re-loads (replace) to exactly the new rows, and the same load twice gives the same database', async () => {
    await withTestDatabase(async ({ name, url, admin }) => {
      await loadDataset(small.streams(), { url });
      const first = await snapshot(admin);
      await loadDataset(next.streams(), { url });
      expect(await snapshot(admin)).toEqual(expectedSnapshot(next));
      await loadDataset(small.streams(), { url });
      await loadDataset(small.streams(), { url });
      expect(await snapshot(admin)).toEqual(first);
      expect(await tableNames(admin, name)).toEqual(CATALOGUE.map((t) => t.name).sort());
    });
  });

  it('loads the same rows through the INSERT fallback', async () => {
    await withTestDatabase(async ({ url, admin }) => {
      const report = await loadDataset(small.streams(), { url }, { method: 'insert' });
      expect(report.method).toBe('insert');
      expect(await snapshot(admin)).toEqual(expectedSnapshot(small));
    });
  });

  it('stores timestamps as UTC wall-clock time, whatever the time zone of the client or of the reading session', async () => {
    const tiny = testDataset({ patients: 60 });
    const timed = ['ed_encounters', 'ip_stays'].map((name) => tableByName(name));
    const saved = process.env.TZ;
    // Node applies a new TZ at once: a Date handed to mysql2 would now be written in Vancouver time.
    process.env.TZ = 'America/Vancouver';
    try {
      expect(new Date(Date.UTC(2025, 6, 1)).getHours()).toBe(17);
      for (const method of ['load-data', 'insert'] as const)
        await withTestDatabase(async ({ url, admin }) => {
          await loadDataset(tiny.streams(), { url }, { method });
          // DATETIME is not converted by the session time zone, unlike TIMESTAMP.
          await admin.query("SET SESSION time_zone = '+05:30'");
          for (const table of timed)
            expect(await databaseLines(admin, table), `${table.name} by ${method}`).toEqual(
              expectedLines(table, tiny.tables.get(table.name)!),
            );
        });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('falls back to INSERTs when local_infile is off, saying how to enable the fast path', async () => {
    const tiny = testDataset({ patients: 20 });
    await withTestDatabase(async ({ url, admin }) => {
      await admin.query('SET GLOBAL local_infile = 0');
      try {
        const messages: string[] = [];
        const report = await loadDataset(
          tiny.streams(),
          { url },
          { onMessage: (m) => messages.push(m) },
        );
        expect(report.method).toBe('insert');
        expect(messages.join('\n')).toMatch(/local_infile is OFF .*SET GLOBAL local_infile = 1/);
        await expect(loadDataset(tiny.streams(), { url }, { method: 'load-data' })).rejects.toThrow(
          /local_infile is OFF on 127\.0\.0\.1:3306; enable it with SET GLOBAL local_infile = 1/,
        );
      } finally {
        await admin.query('SET GLOBAL local_infile = 1');
      }
      expect(await snapshot(admin)).toEqual(expectedSnapshot(tiny));
    });
  });

  it('appends in one transaction, checking keys against the live tables', async () => {
    const larger = testDataset({ patients: 600, batchRows: 200 });
    const patients = tableByName('patients');
    // Rows 401..600 of the larger set are patients the small set does not have (rows 1..400 are the same).
    const newPatients = larger.tables.get('patients')!.slice(2);
    await withTestDatabase(async ({ url, admin }) => {
      await loadDataset(small.streams(), { url });
      const before = await snapshot(admin);
      const report = await loadDataset(
        [{ table: patients, batches: newPatients }],
        { url },
        { mode: 'append' },
      );
      expect(report.verification.ok).toBe(true);
      expect(await databaseLines(admin, patients)).toEqual(
        expectedLines(patients, larger.tables.get('patients')!),
      );
      const afterAppend = await snapshot(admin);
      await expect(
        loadDataset([{ table: patients, batches: newPatients }], { url }, { mode: 'append' }),
      ).rejects.toThrow(/Duplicate entry .*are these rows loaded already/);
      expect(await snapshot(admin)).toEqual(afterAppend);
      expect(afterAppend.get('dim_site')).toBe(before.get('dim_site'));
    });
  });

  it('leaves the previous tables untouched when a load fails, whatever fails', async () => {
    const orphaned = testDataset({ patients: 800, batchRows: 150 }).tables.get('ed_encounters')!;
    await withTestDatabase(async ({ name, url, admin }) => {
      await loadDataset(small.streams(), { url });
      const before = await snapshot(admin);
      const failures: [string, AsyncIterable<TableBatches>, RegExp][] = [
        // ed_encounters of an 800-patient set reference patients the 400-patient set lacks.
        [
          'orphans',
          withTable('ed_encounters', orphaned),
          /verification failed, nothing was replaced: \d+ ed_encounters row\(s\) break fk_ed_pat/,
        ],
        [
          'server warnings',
          withTable('dim_site', overlong('dim_site', 'site_code')),
          /loading dim_site: the server reported 12 warning\(s\).*Data truncated for column 'site_code' at row 1/,
        ],
        [
          'a broken stream',
          withTable('patients', failingBatches(small.tables.get('patients')!)),
          /generator failed/,
        ],
        ['an unordered dataset', reordered(), /gives dim_lha before \(or without\) dim_site/],
      ];
      for (const [what, source, message] of failures) {
        await expect(loadDataset(source, { url }), what).rejects.toThrow(message);
        expect(await snapshot(admin), what).toEqual(before);
        expect(await tableNames(admin, name), what).toEqual(CATALOGUE.map((t) => t.name).sort());
      }
    });
  });

  it('loads a directory side by side, and leaves the previous tables untouched when any table fails', async () => {
    const orphaned = testDataset({ patients: 800, batchRows: 150 }).tables.get('ed_encounters')!;
    const variant = (name: string, batches: readonly RecordBatch[]): TestDataset => ({
      tables: small.tables,
      rows: (table) => small.rows(table),
      streams: () => withTable(name, batches),
      withRun: () => Object.assign(withTable(name, batches), { run: small.withRun().run }),
    });
    await withTestDatabase(async ({ name, url, admin }) => {
      await loadDataset(small.streams(), { url });
      const before = await snapshot(admin);
      const failures: [string, TestDataset, RegExp][] = [
        [
          'orphans',
          variant('ed_encounters', orphaned),
          /verification failed, nothing was replaced: \d+ ed_encounters row\(s\) break fk_ed_pat/,
        ],
        // patients and ed_encounters load at the same time: the other load is stopped too.
        [
          'server warnings in a large table',
          variant('patients', overlong('patients', 'patient_id')),
          /loading patients: the server reported \d+ warning\(s\).*Data truncated for column 'patient_id'/,
        ],
        [
          'server warnings in a small table',
          variant('dim_site', overlong('dim_site', 'site_code')),
          /loading dim_site: the server reported 12 warning\(s\)/,
        ],
      ];
      for (const [what, dataset, message] of failures) {
        await withOutputDirectory(dataset, 'csv', async (dir) => {
          await expect(loadDataset(dir, { url }), what).rejects.toThrow(message);
        });
        expect(await snapshot(admin), what).toEqual(before);
        expect(await tableNames(admin, name), what).toEqual(CATALOGUE.map((t) => t.name).sort());
      }
      await withOutputDirectory(next, 'csv', async (dir) => {
        const report = await loadDataset(dir, { url });
        expect(report.tables.map((t) => [t.table, t.rows])).toEqual(
          CATALOGUE.map((t) => [t.name, next.rows(t.name)]),
        );
        expect(report.verification.tables.map((t) => t.table)).toEqual(
          CATALOGUE.map((t) => t.name),
        );
        // Appending stages side by side too, then adds everything in one transaction or nothing.
        await expect(loadDataset(dir, { url }, { mode: 'append' })).rejects.toThrow(
          /Duplicate entry .*are these rows loaded already/,
        );
      });
      expect(await snapshot(admin)).toEqual(expectedSnapshot(next));
      expect(await tableNames(admin, name)).toEqual(CATALOGUE.map((t) => t.name).sort());
    });
  });

  it('refuses to replace a table with different columns, or any table with fail-if-exists', async () => {
    await withTestDatabase(async ({ name, url, admin }) => {
      await admin.query('CREATE TABLE patients (patient_id VARCHAR(24) PRIMARY KEY, note TEXT)');
      await expect(loadDataset(small.streams(), { url })).rejects.toThrow(
        /table patients already exists with different columns \(expected lha_id int not null; .*found note text\); drop or rename it/,
      );
      expect(await tableNames(admin, name)).toEqual(['patients']);
      await admin.query('DROP TABLE patients');
      await loadDataset(small.streams(), { url });
      await expect(
        loadDataset(small.streams(), { url }, { mode: 'fail-if-exists' }),
      ).rejects.toThrow(
        /already has lm-synth tables \(dim_site, .*\) and \{ mode: 'fail-if-exists' \} refuses/,
      );
    });
  });

  it('clears the tables an interrupted run left behind', async () => {
    await withTestDatabase(async ({ name, url, admin }) => {
      await admin.query('CREATE TABLE patients__lm_stage (x INT)');
      await admin.query('CREATE TABLE dim_site__lm_old (x INT)');
      const messages: string[] = [];
      await loadDataset(small.streams(), { url }, { onMessage: (m) => messages.push(m) });
      expect(messages.join('\n')).toContain('dropping 2 table(s) left by an interrupted load');
      expect(await tableNames(admin, name)).toEqual(CATALOGUE.map((t) => t.name).sort());
    });
  });
});

/** A table's batches with every value of a string column far longer than the column allows. */
function overlong(tableName: string, columnName: string): RecordBatch[] {
  const table = tableByName(tableName);
  return small.tables.get(tableName)!.map((batch) => {
    const children = table.columns.map((column) => {
      const vector = batch.getChild(column.name)!;
      if (column.name !== columnName) return vector.data[0]!;
      return vectorFromArray(
        Array.from(
          { length: batch.numRows },
          (_, i) => `${vector.get(i)}-${'MUCH-TOO-LONG-'.repeat(20)}`,
        ),
        new Utf8(),
      ).data[0]!;
    });
    const struct = new Struct(batch.schema.fields);
    return new RecordBatch(
      batch.schema,
      makeData({ type: struct, length: batch.numRows, children }),
    );
  });
}

async function* failingBatches(batches: readonly RecordBatch[]): AsyncIterable<RecordBatch> {
  yield batches[0]!;
  throw new Error('generator failed');
}

async function* reordered(): AsyncIterable<TableBatches> {
  const streams: TableBatches[] = [];
  for await (const stream of small.streams()) streams.push(stream);
  const lha = streams.findIndex((s) => s.table.name === 'dim_lha');
  yield streams[lha]!;
  yield* streams.filter((_, i) => i !== lha);
}
