// Generation benchmark (against dist; run `pnpm build` first): the default run and 1,000,000
// patients, each in its own process so peak RSS is its own. Rows are counted, not written.
// Usage: node bench/generate.bench.mjs [patients ...]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultScenario } from '@lm-synth/config';
import { generateDataset, planDataset } from '../dist/index.js';

const scenario = defaultScenario();

async function run(patients) {
  // Unique quasi-identifiers stop at about 170,000 patients with the defaults.
  const options = { patients, uniqueQuasiIdentifiers: patients <= 150_000 };
  const { threads } = planDataset(scenario, options);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const tables = [];
  for await (const { table, batches } of generateDataset(scenario, options)) {
    const from = performance.now();
    let rows = 0;
    for await (const batch of batches) rows += batch.numRows;
    tables.push({ name: table.name, role: table.role, rows, ms: performance.now() - from });
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const facts = tables.filter((t) => t.role === 'fact');
  const factRows = facts.reduce((sum, t) => sum + t.rows, 0);
  return {
    patients,
    threads,
    uniqueQuasiIdentifiers: options.uniqueQuasiIdentifiers,
    tables: facts,
    factRows,
    totalSeconds: totalMs / 1000,
    factRowsPerSecond: factRows / (totalMs / 1000),
    // CPU time of all threads: on a busy machine wall time overstates the work.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const format = (n) => Math.round(n).toLocaleString('en-US');

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await run(Number(process.argv[3]))));
} else {
  const counts =
    process.argv.length > 2 ? process.argv.slice(2).map(Number) : [scenario.patients, 1_000_000];
  for (const patients of counts) {
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', String(patients)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
    const result = JSON.parse(child.stdout);
    console.log(
      `\n${format(result.patients)} patients, ${result.threads ? `${result.threads} worker threads` : 'in the calling thread'}, unique QI ${result.uniqueQuasiIdentifiers}`,
    );
    for (const t of result.tables) {
      console.log(
        `  ${t.name.padEnd(16)} ${format(t.rows).padStart(11)} rows ${format(t.rows / (t.ms / 1000)).padStart(11)} rows/s`,
      );
    }
    console.log(
      `  all fact tables  ${format(result.factRows).padStart(11)} rows ${format(result.factRowsPerSecond).padStart(11)} rows/s` +
        ` (whole run ${result.totalSeconds.toFixed(2)} s, CPU ${result.cpuSeconds.toFixed(2)} s), peak RSS ${format(result.peakRssMb)} MB`,
    );
  }
}
