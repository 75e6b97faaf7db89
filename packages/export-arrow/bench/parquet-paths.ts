import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Measurement, PATHS } from './measurement.js';

/**
 * Compares the ways of writing the same generator-shaped input (fixture
 * dimensions, then patients, ED encounters and inpatient stays) and DuckDB's
 * own COPY of random ED-shaped rows, each in a fresh process so that peak RSS
 * is per path. Every path runs `repeats` times, interleaved; the fastest run is
 * reported, as the least disturbed by other load on the machine.
 *
 *   pnpm --filter @lm-synth/export-arrow bench [patients] [repeats]
 */
const patients = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 3);
const worker = fileURLToPath(new URL('./measure-path.js', import.meta.url));

const best = new Map<string, Measurement>();
for (let round = 0; round < repeats; round++) {
  for (const path of PATHS) {
    const output = execFileSync(process.execPath, [worker, path, String(patients)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const measurement = JSON.parse(output) as Measurement;
    const previous = best.get(path);
    if (!previous || measurement.seconds < previous.seconds) best.set(path, measurement);
  }
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en-US');
console.log(
  `${patients.toLocaleString('en-US')} patients, best of ${repeats}, ${availableParallelism()} cores, Node ${process.version}\n`,
);
console.log(
  '| path | fact rows | seconds | fact rows/s | rows/s excluding input generation | peak RSS |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const path of PATHS) {
  const m = best.get(path)!;
  const writing = m.seconds - m.generationSeconds;
  console.log(
    `| ${path} | ${m.factRows.toLocaleString('en-US')} | ${m.seconds.toFixed(2)} | ${rate(m.factRows, m.seconds)} | ${m.generationSeconds > 0 ? rate(m.factRows, writing) : '–'} | ${m.peakRssMb} MB |`,
  );
}
