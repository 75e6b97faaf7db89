import { defaultScenario } from '@lm-synth/config';
import { generateDataset } from '@lm-synth/generators';
import { writeDataset } from '@lm-synth/export-arrow';
import { validate } from './dist/index.js';
import { rm } from 'node:fs/promises';
const patients = Number(process.argv[2] ?? 50000);
const which = process.argv[3];
const lha = Number(process.argv[4] ?? 1);
const scenario = defaultScenario();
let gen = scenario;
if (which === 'ed') gen = { ...scenario, ed: { ...scenario.ed, ratesPer1000: scenario.ed.ratesPer1000.map((t, i) => i === lha ? t.map(a => a.map(g => g.map(r => r * 1.25))) : t) } };
if (which === 'los') gen = { ...scenario, inpatient: { ...scenario.inpatient, los: scenario.inpatient.los.map((subs, p) => p === lha ? subs.map(l => ({ ...l, mu: l.mu + 0.5 })) : subs) } };
const out = `/tmp/lmv/defect-${which}`;
await rm(out, { recursive: true, force: true });
await writeDataset(generateDataset(gen, { patients, seed: 7, workers: 2 }), { outDir: out, format: 'parquet', duckdb: false,
  run: { lmSynthVersion: '0.1.0', seed: 7, scenarioId: 'x', scenarioHash: 'sha256:x', referenceDate: scenario.referenceDate, startYear: 2025, horizonYears: 10, patients, uniqueQuasiIdentifiers: true, withEd: true, withIp: true } });
const report = await validate(out, scenario);
for (const g of report.gates) if (g.status !== 'pass') console.log(g.status, g.id, g.message);
