import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const h = (p) => createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 12);
function walk(d) { return readdirSync(d).sort().flatMap((f) => statSync(join(d, f)).isDirectory() ? walk(join(d, f)).map((x) => join(f, x)) : [f]); }
for (const threads of ['1', '1', '1']) {
  const inst = await DuckDBInstance.create(':memory:', { threads });
  const c = await inst.connect();
  await c.run(`SET TimeZone='UTC'`);
  await c.run(`create table t as select i::bigint id, 'P'||lpad(to_hex(hash(i)%1000000),12,'0') pid, (1+hash(i*3)%12)::int fac, timestamptz '2025-01-01' + to_seconds((hash(i*7) % (86400*365*3))::bigint) ts, (hash(i*11)%1000)/7.0 x from range(1000000) r(i)`);
  await c.run(`copy t to '/tmp/exp/d.parquet' (format parquet, compression zstd)`);
  rmSync('/tmp/exp/part', { recursive: true, force: true });
  const t0=performance.now(); await c.run(`copy (select *, year(ts) as year, 'S'||fac as site from t) to '/tmp/exp/part' (format parquet, compression zstd, partition_by (year, site), filename_pattern 'part-{i}')`);
  console.log('ms', performance.now()-t0); const files = walk('/tmp/exp/part');
  const all = createHash('sha256'); for (const f of files) all.update(f + h(join('/tmp/exp/part', f)));
  console.log(threads, h('/tmp/exp/d.parquet'), files.length, files.slice(0, 3), all.digest('hex').slice(0, 12));
}
