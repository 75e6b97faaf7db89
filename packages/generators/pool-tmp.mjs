import { defaultScenario } from '@lm-synth/config';
import { WorkerPool } from './dist/worker-pool.js';
import { planDataset } from './dist/plan-dataset.js';
import { generatorSettings } from './dist/generator-settings.js';
const patients = 1000000;
const plan = planDataset(defaultScenario(), { patients, uniqueQuasiIdentifiers: false });
const pool = new WorkerPool(generatorSettings(plan), 2);
const blocks = Math.ceil(patients / 4096);
for (let rep = 0; rep < 3; rep++) for (const which of ['patients', 'ed', 'ip']) {
  const needs = { patients: which === 'patients', ed: which === 'ed', ip: which === 'ip' };
  const t = performance.now(); let n = 0;
  for await (const b of pool.blocks(blocks, needs)) n++;
  console.log(rep, which, (performance.now() - t).toFixed(0), 'ms');
}
await pool.close();
