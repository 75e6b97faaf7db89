// Fit and sampling speed, quality and privacy of the synthesizer on the default dataset,
// printed beside issue 18's targets. `pnpm --filter @lm-synth/synthesizer bench`, against dist/.
// Sampling throughput counts every row of patients, ED encounters and stays, built into
// Arrow batches (children spilled and read back), nothing written. On a shared machine wall
// time measures the neighbours too: CPU time (this process, all threads) is printed beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { scenarioHash } from '@lm-synth/config/core';
import { writeDataset } from '@lm-synth/export-arrow';
import { generateDataset, planDataset } from '@lm-synth/generators';
import { validate } from '@lm-synth/validate';
import { fitModel, modelHash, sampleModel, serializeModel } from '../dist/index.js';

const SAMPLE_PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
const loadAtStart = loadavg();
const root = mkdtempSync(join(tmpdir(), 'lm-synth-synth-bench-'));
const scenario = defaultScenario();
const run = (options, plan, extra = {}) => ({
  lmSynthVersion: 'bench',
  seed: options.seed,
  scenarioId: scenario.meta.id,
  scenarioHash: scenarioHash(plan.scenario),
  referenceDate: scenario.referenceDate,
  timeZone: scenario.timeZone,
  startYear: options.startYear,
  horizonYears: options.horizonYears,
  patients: options.patients,
  uniqueQuasiIdentifiers: options.uniqueQuasiIdentifiers,
  withEd: options.withEd,
  withIp: options.withIp,
  ...extra,
});

try {
  const training = join(root, 'training');
  const plan = planDataset(scenario, { workers: 0 });
  await writeDataset(generateDataset(scenario, plan.options), {
    outDir: training,
    format: 'parquet',
    duckdb: false,
    run: run(plan.options, plan),
  });

  const cpuSeconds = (since) => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1e6;
  };
  const fits = [];
  let model;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    model = await fitModel(training, scenario, { lmSynthVersion: 'bench' });
    fits.push({ wall: (performance.now() - started) / 1000, cpu: cpuSeconds(cpu) });
  }
  const text = serializeModel(model);
  fits.sort((a, b) => a.wall - b.wall);

  // Sampling alone: every batch of every table drawn and built, nothing written.
  let rows = 0;
  const memory = [];
  const started = performance.now();
  const sampleCpu = process.cpuUsage();
  for (const { table, batches } of sampleModel(model, {
    patients: SAMPLE_PATIENTS,
    seed: 1,
    uniqueQuasiIdentifiers: false,
  })) {
    for (const batch of batches) {
      if (['patients', 'ed_encounters', 'ip_stays'].includes(table.name)) rows += batch.numRows;
    }
    memory.push(process.memoryUsage().heapUsed);
  }
  const sampleSeconds = (performance.now() - started) / 1000;
  const sampleCpuSeconds = cpuSeconds(sampleCpu);

  // Quality and privacy: a sample the size of the training data, validated against it.
  const sampleDir = join(root, 'sample');
  const patients = model.tables[0].rows;
  await writeDataset(sampleModel(model, { patients, seed: 2 }), {
    outDir: sampleDir,
    format: 'parquet',
    duckdb: false,
    run: run({ ...plan.options, patients, seed: 2 }, plan, {
      model: { hash: modelHash(text), version: model.version },
    }),
  });
  const report = await validate(sampleDir, scenario, { compare: training });
  const gate = (id) => report.gates.find((g) => g.id === id);
  const integrity = report.gates.filter((g) => g.category === 'integrity');
  const privacy = ['privacy-dcr', 'privacy-nndr', 'privacy-pmse'].map(gate);
  const quality = report.privacy.compare.quality;

  const line = (what, measured, target) =>
    console.log(`${what.padEnd(44)} ${measured.padEnd(26)} ${target}`);
  const load = (values) => values.map((x) => x.toFixed(1)).join(' ');
  console.log(`load average at the start: ${load(loadAtStart)}, at the end: ${load(loadavg())}`);
  console.log(
    `training: default dataset, ${model.training.tables.patients.toLocaleString('en-US')} patients; model ${(text.length / 1e6).toFixed(2)} MB`,
  );
  line('', 'measured', 'target');
  line('fit (median of 3), wall', `${fits[1].wall.toFixed(2)} s`, '< 10 s');
  line('fit (median of 3), CPU', `${fits[1].cpu.toFixed(2)} s`, '');
  line(
    `sample ${SAMPLE_PATIENTS.toLocaleString('en-US')} patients + children, wall`,
    `${Math.round(rows / sampleSeconds).toLocaleString('en-US')} rows/s (${rows.toLocaleString('en-US')} rows, ${sampleSeconds.toFixed(1)} s)`,
    '>= 500,000 rows/s',
  );
  line(
    '  per CPU second',
    `${Math.round(rows / sampleCpuSeconds).toLocaleString('en-US')} rows/s (${sampleCpuSeconds.toFixed(1)} s CPU)`,
    '',
  );
  line(
    'heap while sampling (max)',
    `${(Math.max(...memory) / 1e6).toFixed(0)} MB`,
    'bounded by the model',
  );
  line('overall quality score', quality.score.toFixed(3), '>= 0.90');
  for (const property of quality.properties)
    line(`  ${property.name}`, property.score.toFixed(3), 'reported');
  line(
    'integrity gates passed',
    `${integrity.filter((g) => g.status === 'pass').length} of ${integrity.length}`,
    'all',
  );
  for (const g of privacy)
    line(`  ${g.id}`, `${g.status} (${Number(g.observed).toFixed(3)})`, 'pass');
} finally {
  rmSync(root, { recursive: true, force: true });
}
