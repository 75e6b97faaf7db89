import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
await c.run(`create table p (id int primary key)`);
await c.run(`create table e (id int, pid int)`);
for (const s of [`alter table e add foreign key (pid) references p(id)`, `alter table e add constraint fk foreign key (pid) references p(id)`, `create table s (id int primary key, parent int references s(id))`, `insert into s values (1, null), (2, 1)`, `insert into s values (3, 4), (4, null)`]) {
  try { await c.run(s); console.log('ok', s); } catch (e) { console.log('ERR', s, e.message.split('\n')[0]); }
}
