import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { tableByName } from '@lm-synth/dims';
import mysql from 'mysql2/promise';
import { it } from 'vitest';
import { createTableSql } from './create-table-sql.js';
import { InfileRegistry } from './infile-registry.js';
import { loadDataSql } from './load-data-sql.js';
import { testDataset } from './test-dataset.js';
import { tsvChunks } from './tsv-chunks.js';
import { tsvStream } from './tsv-stream.js';

const run = promisify(execFile);

it('transport', async () => {
  const table = tableByName('ed_encounters');
  const ds = testDataset({ patients: 1_000_000, batchRows: 65536 });
  const file = '/tmp/lms/ed.tsv';
  const out = createWriteStream(file);
  for (const b of ds.tables.get('ed_encounters')!) for (const c of tsvChunks(table, b, { chunkBytes: 1 << 18, firstRow: 0 })) out.write(c);
  await new Promise((r) => out.end(r));
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
  await admin.query('DROP DATABASE IF EXISTS lm_scratch'); await admin.query('CREATE DATABASE lm_scratch'); await admin.query('USE lm_scratch');
  const ddl = () => createTableSql(table, { collation: 'utf8mb4_unicode_520_ci', nameOf: (n) => n, foreignKeys: false });
  const reset = async () => { await admin.query('DROP TABLE IF EXISTS ed_encounters'); await admin.query(ddl()); };
  const registry = new InfileRegistry();
  const conn = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'lm_scratch', infileStreamFactory: registry.streamFactory });
  await conn.query('SET foreign_key_checks=0, unique_checks=0');
  const results: Record<string, number[]> = {};
  const note = (k: string, t: number) => (results[k] ??= []).push(Number(((performance.now() - t) / 1000).toFixed(2)));
  for (let round = 0; round < 3; round++) {
    await reset();
    let t = performance.now();
    await run('mariadb', ['--local-infile=1', '-h127.0.0.1', '-uroot', 'lm_scratch', '-e', `SET foreign_key_checks=0, unique_checks=0; ${loadDataSql(table, 'ed_encounters', file)}`]);
    note('client tsv file', t);
    for (const chunk of [1 << 14, 1 << 18, 1 << 20]) {
      await reset();
      t = performance.now();
      const name1 = registry.offer(() => createReadStream(file, { highWaterMark: chunk }));
      await conn.query(loadDataSql(table, 'ed_encounters', name1));
      note(`mysql2 file ${chunk}`, t);
    }
    await reset();
    t = performance.now();
    const tsv = tsvStream(table, ds.tables.get('ed_encounters')!, 1 << 18);
    const name2 = registry.offer(() => tsv.stream);
    await conn.query(loadDataSql(table, 'ed_encounters', name2));
    note('mysql2 encoder', t);
  }
  console.log(JSON.stringify(results));
  await conn.end();
  await admin.query('DROP DATABASE lm_scratch');
  await admin.end();
}, 900000);
