import { DuckDBInstance, DuckDBDataChunk, BIGINT, VARCHAR, INTEGER, TINYINT, TIMESTAMPTZ, ENUM } from '@duckdb/node-api';
import b from '@duckdb/node-bindings';
import { rmSync } from 'node:fs';
const N = 1_000_000;
rmSync('/tmp/exp/db.duckdb', { force: true }); rmSync('/tmp/exp/db.duckdb.wal', { force: true });
const inst = await DuckDBInstance.create('/tmp/exp/db.duckdb');
const c = await inst.connect();
await c.run(`create type sub as enum ('Adult ED','Pediatric ED','Urgent Care Centre')`);
await c.run(`create type dispo as enum ('Discharged','Admitted','Transferred','Left Without Being Seen','Deceased')`);
await c.run(`create table ed (encounter_id bigint, patient_id varchar not null, facility_id integer not null, ed_subservice sub not null, arrival_ts timestamptz not null, acuity tinyint, dispo dispo)`);
// columns
const ids = new BigInt64Array(N); const fac = new Int32Array(N); const sub = new Uint8Array(N); const ts = new BigInt64Array(N); const acu = new Int8Array(N); const dis = new Uint8Array(N);
const enc = new TextEncoder();
const pidBytes = new Uint8Array(N * 13); const pidOff = new Int32Array(N + 1);
for (let i = 0; i < N; i++) { ids[i] = BigInt(i + 1); fac[i] = 1 + (i % 12); sub[i] = i % 3; ts[i] = 1735725600000000n + BigInt(i) * 1000000n; acu[i] = 1 + (i % 5); dis[i] = i % 5; const s = 'P' + (i * 7919).toString(16).padStart(12, '0'); enc.encodeInto(s, pidBytes.subarray(i * 13)); pidOff[i + 1] = (i + 1) * 13; }
const appender = await c.createAppender('ed');
const types = [BIGINT, VARCHAR, INTEGER, ENUM(['Adult ED','Pediatric ED','Urgent Care Centre']), TIMESTAMPTZ, TINYINT, ENUM(['Discharged','Admitted','Transferred','Left Without Being Seen','Deceased'])];
let t0 = performance.now();
const chunk = DuckDBDataChunk.create(types);
const raw = chunk.chunk;
const V = 2048;
for (let start = 0; start < N; start += V) {
  const n = Math.min(V, N - start);
  b.data_chunk_reset(raw);
  const vs = [0,1,2,3,4,5,6].map((i) => b.data_chunk_get_vector(raw, i));
  b.copy_data_to_vector(vs[0], 0, ids.buffer, start * 8, n * 8);
  const pv = vs[1];
  for (let i = 0; i < n; i++) { const r = start + i; b.vector_assign_string_element(pv, i, "P000000000000"); }
  b.copy_data_to_vector(vs[2], 0, fac.buffer, start * 4, n * 4);
  b.copy_data_to_vector(vs[3], 0, sub.buffer, start, n);
  b.copy_data_to_vector(vs[4], 0, ts.buffer, start * 8, n * 8);
  b.copy_data_to_vector(vs[5], 0, acu.buffer, start, n);
  b.copy_data_to_vector(vs[6], 0, dis.buffer, start, n);
  b.data_chunk_set_size(raw, n);
  appender.appendDataChunk(chunk);
}
appender.closeSync();
let t1 = performance.now();
console.log('append rows/s', (N / (t1 - t0) * 1000).toFixed(0));
await c.run(`copy ed to '/tmp/exp/ed.parquet' (format parquet, compression zstd)`);
let t2 = performance.now();
console.log('copy rows/s', (N / (t2 - t1) * 1000).toFixed(0), 'total', (N / (t2 - t0) * 1000).toFixed(0));
const r = await c.runAndReadAll(`select count(*), count(distinct patient_id), min(arrival_ts)::varchar, max(dispo) from read_parquet('/tmp/exp/ed.parquet')`); console.log(r.getRowsJson());
await c.run(`copy (select i::bigint as encounter_id, 'P'||lpad(to_hex(i*7919),12,'0') patient_id, (1+i%12)::int facility_id, ['Adult ED','Pediatric ED','Urgent Care Centre'][1+(random()*3)::int % 3] ed_subservice, timestamptz '2025-01-01' + to_seconds((random()*31536000)::bigint) arrival_ts, (1+random()*4)::tinyint acuity, ['Discharged','Admitted'][1+(random()*2)::int%2] dispo from range(${N}) r(i)) to '/tmp/exp/rand.parquet' (format parquet, compression zstd)`);
let t3 = performance.now();
console.log('duckdb random copy rows/s', (N / (t3 - t2) * 1000).toFixed(0));
console.log(process.memoryUsage().rss/1e6);
