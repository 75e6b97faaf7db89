import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
const inst = await DuckDBInstance.create('/tmp/exp/db.duckdb');
const c = await inst.connect();
let t0 = performance.now();
await c.run(`create table patients (patient_id varchar primary key)`);
await c.run(`insert into patients select distinct patient_id from ed`);
let t1 = performance.now(); console.log('patients pk insert ms', t1 - t0);
await c.run(`create table ed2 (encounter_id bigint primary key, patient_id varchar not null references patients(patient_id), facility_id integer not null, ed_subservice sub not null, arrival_ts timestamptz not null, acuity tinyint, dispo dispo)`);
await c.run(`insert into ed2 select * from ed`);
let t2 = performance.now(); console.log('ed2 insert (pk+fk) ms', t2 - t1);
await c.run(`create table ed3 (encounter_id bigint primary key, patient_id varchar not null, facility_id integer not null, ed_subservice sub not null, arrival_ts timestamptz not null, acuity tinyint, dispo dispo)`);
await c.run(`insert into ed3 select * from ed`);
let t3 = performance.now(); console.log('ed3 insert (pk) ms', t3 - t2);
await c.run(`create table ed4 as select * from ed`);
let t4 = performance.now(); console.log('ed4 ctas ms', t4 - t3);
try { await c.run(`alter table ed4 add primary key (encounter_id)`); } catch (e) { console.log(e.message); }
let t5 = performance.now(); console.log('ed4 add pk ms', t5 - t4);
console.log(process.memoryUsage().rss/1e6);
