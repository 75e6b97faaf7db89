import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { afterAll, it } from 'vitest';
import { writeTestDataset } from '../src/test-write-dataset.js';
import { validate } from '../src/validate.js';

const scenario = defaultScenario();
const root = await mkdtemp(join(tmpdir(), 'lm-synth-validate-bench-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const cases = [
  {
    label: 'default dataset (50,000 patients), Parquet',
    patients: 50_000,
    format: 'parquet',
    runs: 5,
  },
  { label: 'default dataset (50,000 patients), CSV', patients: 50_000, format: 'csv', runs: 3 },
  { label: '1,000,000 patients, Parquet', patients: 1_000_000, format: 'parquet', runs: 3 },
] as const;

it('times validate', async () => {
  const lines: string[] = [];
  for (const { label, patients, format, runs } of cases) {
    const dir = join(root, `${patients}-${format}`);
    // A million patients cannot all have unique (DOB, LHA, gender).
    await writeTestDataset(dir, {
      patients,
      seed: 42,
      format,
      uniqueQuasiIdentifiers: patients <= 50_000,
    });
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const report = await validate(dir, scenario);
      seconds.push((performance.now() - started) / 1000);
      if (!report.ok) throw new Error(`${label}: validation failed`);
    }
    const first = seconds[0]!;
    seconds.sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)]!;
    lines.push(
      `${label.padEnd(46)} first run ${first.toFixed(2)} s, median of ${runs} ${median.toFixed(2)} s`,
    );
    await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\nlm-synth validate timings\n${lines.join('\n')}\n`);
});
