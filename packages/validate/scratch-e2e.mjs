import { defaultScenario } from '@lm-synth/config';
import { generateDataset } from '@lm-synth/generators';
import { writeDataset } from '@lm-synth/export-arrow';
import { validate, formatTextReport } from './dist/index.js';
import { rm } from 'node:fs/promises';

const patients = Number(process.argv[2] ?? 50000);
const seed = Number(process.argv[3] ?? 42);
const format = process.argv[4] ?? 'parquet';
const out = `/tmp/lmv/ds-${patients}-${seed}-${format}`;
const scenario = defaultScenario();
let t = performance.now();
await rm(out, { recursive: true, force: true });
const unique = patients <= 200000;
await writeDataset(generateDataset(scenario, { patients, seed, workers: 2, uniqueQuasiIdentifiers: unique }), {
  outDir: out, format, duckdb: false,
  run: { lmSynthVersion: '0.1.0', seed, scenarioId: scenario.meta.id, scenarioHash: 'sha256:x', referenceDate: scenario.referenceDate,
    startYear: scenario.startYear, horizonYears: scenario.horizonYears, patients, uniqueQuasiIdentifiers: unique, withEd: true, withIp: true },
});
console.log('generate', Math.round(performance.now() - t), 'ms');
t = performance.now();
const report = await validate(out, scenario);
console.log('validate', Math.round(performance.now() - t), 'ms');
console.log(formatTextReport(report, { colour: false }));
for (const g of report.gates) if (g.status === 'fail') console.log(JSON.stringify(g.details?.worst?.slice(0, 5), null, 1));
