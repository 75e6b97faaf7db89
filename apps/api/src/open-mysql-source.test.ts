import { CATALOGUE } from '@lm-synth/dims';
import { loadDataset } from '@lm-synth/mysql-sink';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from './data-source.js';
import { openDuckdbSource } from './open-duckdb-source.js';
import { openMysqlSource } from './open-mysql-source.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';
import { startTestServer, type TestServer } from './test-server.js';

// The local MariaDB every database test uses: root, no password.
const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };
const DATABASE = `lm_api_test_${process.pid}`;
const URL = `mysql://${SERVER.user}@${SERVER.host}:${SERVER.port}/${DATABASE}`;

let admin: mysql.Connection;
let fromFiles: TestServer;
let fromMysql: TestServer;

beforeAll(async () => {
  admin = await mysql.createConnection(SERVER);
  await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await admin.query(`CREATE DATABASE \`${DATABASE}\``);
  const dir = inject('datasetDir');
  await loadDataset(dir, { url: URL });
  fromFiles = await startTestServer({ source: await openDuckdbSource(dir) });
  fromMysql = await startTestServer({ source: await openMysqlSource({ url: URL }) });
}, 120_000);

afterAll(async () => {
  await fromMysql?.close();
  await fromFiles?.close();
  await admin?.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
  await admin?.end();
});

describe('a database loaded by lm-synth load', () => {
  it.each([
    ...TABLE_ENDPOINTS.map((endpoint) => endpoint.path),
    '/api/v1/patients?age_group=25-44&gender=Female&size=20&page=3',
    '/api/v1/patients?site_code=LM-SNW&sort=-dob&size=100',
    '/api/v1/patients?dob_from=1980-01-01&dob_to=1989-12-31&sort=expected_ed_rate',
    '/api/v1/encounters/ed?arrival_from=2025-03-01&arrival_to=2025-03-31&sort=-arrival_ts',
    '/api/v1/encounters/ed?facility_id=3&ed_subservice=Adult%20ED',
    '/api/v1/encounters/ip?alc_flag=true&sort=-los_days',
    '/api/v1/encounters/ip?sort=-ed_encounter_id&size=1000',
    '/api/v1/encounters/ip?admit_from=2025-06-01&program_id=2',
    '/api/v1/population/projections?year=2031&lha_id=2',
    '/api/v1/dimensions/dates?date_from=2025-04-01&date_to=2025-04-07',
    '/api/v1/capacity/daily?site_code=LM-SNW&date_from=2026-01-01&size=10',
    '/api/v1/projections/ed',
    '/api/v1/projections/ed?year=2033&ed_subservice=Pediatric%20ED&sort=facility',
    '/api/v1/projections/ed?routing=routed&year=2027&site_code=LM-SNW',
    '/api/v1/patients?size=1001',
    '/api/v1/patients?page=999999',
  ])('answers %s as the dataset directory does', async (path) => {
    const [expected, actual] = await Promise.all([fromFiles.get(path), fromMysql.get(path)]);
    expect(actual.status).toBe(expected.status);
    expect(actual.body).toEqual(expected.body);
  });

  it('says where its data comes from', async () => {
    const { body } = await fromMysql.get('/');
    expect(body.source).toMatchObject({ kind: 'mysql' });
    expect(body.source.tables).toHaveLength(CATALOGUE.length);
    expect(body.dataset).toBeNull();
    expect((await fromMysql.get('/health')).body).toEqual({ status: 'ok', source: 'mysql' });
    expect((await fromMysql.get('/api/v1/validation/summary')).status).toBe(404);
  });
});

describe('openMysqlSource', () => {
  it('opens read-only sessions', async () => {
    const source: DataSource = await openMysqlSource({ url: URL, connections: 1 });
    try {
      await expect(source.select('DELETE FROM patients', [], [])).rejects.toThrow(/read.only/i);
    } finally {
      await source.close();
    }
    const [[row]] = await admin.query<mysql.RowDataPacket[]>(
      // The 1,000 residents of the start year (entrants join them).
      `SELECT COUNT(*) AS n FROM \`${DATABASE}\`.patients WHERE entry_reason = 'Resident'`,
    );
    expect(Number(row!.n)).toBe(1000);
  });

  it('refuses a database without lm-synth tables, and an unreachable server, as input errors', async () => {
    const empty = `${DATABASE}_empty`;
    await admin.query(`CREATE DATABASE \`${empty}\``);
    try {
      await expect(
        openMysqlSource({ url: `mysql://root@127.0.0.1:3306/${empty}` }),
      ).rejects.toMatchObject({
        isInputError: true,
        message: expect.stringContaining('holds no lm-synth tables'),
      });
    } finally {
      await admin.query(`DROP DATABASE \`${empty}\``);
    }
    await expect(
      openMysqlSource({ url: 'mysql://root@127.0.0.1:1/lm_synth', password: 's3cret-pass' }),
    ).rejects.toMatchObject({
      isInputError: true,
      message: expect.not.stringContaining('s3cret-pass'),
    });
  });
});
