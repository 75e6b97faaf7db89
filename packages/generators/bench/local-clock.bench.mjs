// LocalClock construction and per-call cost (against dist; run `pnpm build` first).
// Usage: node bench/local-clock.bench.mjs [timeZone ...]
import { LocalClock } from '../dist/local-clock.js';

const zones = process.argv.length > 2 ? process.argv.slice(2) : ['America/Vancouver', 'UTC'];
// 2024-01-01..2036-12-31: the default ten-year horizon plus a year either side.
const firstDay = Date.UTC(2024, 0, 1) / 86_400_000;
const lastDay = Date.UTC(2036, 11, 31) / 86_400_000;

for (const zone of zones) {
  new LocalClock(zone, firstDay, lastDay); // warm Intl's zone data
  const builds = 20;
  let started = performance.now();
  const cpuStarted = process.cpuUsage();
  let clock;
  for (let i = 0; i < builds; i++) clock = new LocalClock(zone, firstDay, lastDay);
  const buildMs = (performance.now() - started) / builds;
  // On a busy machine wall time overstates the work; CPU time of this thread says what it costs.
  const cpu = process.cpuUsage(cpuStarted);
  const buildCpuMs = (cpu.user + cpu.system) / 1000 / builds;

  const calls = 10_000_000;
  let sum = 0;
  started = performance.now();
  for (let i = 0; i < calls; i++) sum += clock.toUtc(firstDay + (i % 4_000), (i * 7_919) % 86_400);
  const toUtcNs = ((performance.now() - started) * 1e6) / calls;
  const base = (firstDay + 1) * 86_400; // local days start up to 14 h either side of UTC midnight
  started = performance.now();
  for (let i = 0; i < calls; i++) sum += clock.localDayOf(base + ((i * 104_729) % 340_000_000));
  const localDayNs = ((performance.now() - started) * 1e6) / calls;
  console.log(
    `${zone}: ${lastDay - firstDay + 1} days built in ${buildMs.toFixed(1)} ms (${buildCpuMs.toFixed(1)} ms CPU); ` +
      `toUtc ${toUtcNs.toFixed(1)} ns, localDayOf ${localDayNs.toFixed(1)} ns per call (${sum > 0})`,
  );
}
