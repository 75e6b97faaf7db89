import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { it } from 'vitest';
import { generateTestDataset } from '../src/test-generate-dataset.js';

// The blueprint's default run: 50,000 patients.
const PATIENTS = Number(process.env.LM_SYNTH_BENCH_PATIENTS ?? 50_000);
const CONNECTIONS = Number(process.env.LM_SYNTH_BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.LM_SYNTH_BENCH_SECONDS ?? 15);

const QUERIES = [
  {
    label: 'patients: 3 filters, sorted, page 2 of 50',
    path: '/api/v1/patients?age_group=45-64&gender=Female&lha_id=3&sort=-dob&page=2&size=50',
  },
  { label: 'ED projection (blueprint §10), one year', path: '/api/v1/projections/ed?year=2030' },
];

it('measures requests/s and p99 latency under concurrent load', async () => {
  const root = await mkdtemp(join(tmpdir(), 'lm-synth-api-bench-'));
  const dir = join(root, 'out');
  await generateTestDataset(dir, { patients: PATIENTS });
  const server = fork(new URL('./serve-dataset.mjs', import.meta.url), [dir], { stdio: 'inherit' });
  try {
    const port = await new Promise<number>((listening, failed) => {
      server.once('message', (message) => listening((message as { port: number }).port));
      server.once('exit', (code) => failed(new Error(`the API process exited with ${code}`)));
    });
    const lines = [
      `${PATIENTS.toLocaleString('en-US')} patients, Parquet, DuckDB source; ${CONNECTIONS} connections for ${SECONDS} s each`,
      '| query | requests/s | p50 ms | p99 ms | non-2xx |',
      '| --- | ---: | ---: | ---: | ---: |',
    ];
    for (const { label, path } of QUERIES) {
      const url = `http://127.0.0.1:${port}${path}`;
      await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
      const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      }
      lines.push(
        `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} |`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    server.kill('SIGTERM');
    await rm(root, { recursive: true, force: true });
  }
});
