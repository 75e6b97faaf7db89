import { defaultScenario } from '@lm-synth/config';
import { GeneratorContext } from './dist/generator-context.js';
import { generateBlock } from './dist/generate-block.js';
import { planDataset } from './dist/plan-dataset.js';
import { generatorSettings } from './dist/generator-settings.js';
const patients = Number(process.argv[2] ?? 200000);
const plan = planDataset(defaultScenario(), { patients, uniqueQuasiIdentifiers: false });
const ctx = new GeneratorContext(generatorSettings(plan));
for (let rep = 0; rep < 3; rep++) {
  for (const which of ['patients', 'ed', 'ip']) {
    const needs = { patients: which === 'patients', ed: which === 'ed', ip: which === 'ip' };
    const c = process.cpuUsage();
    for (let b = 0; b < ctx.blockCount; b++) generateBlock(ctx, b, needs);
    const u = process.cpuUsage(c);
    console.log(rep, which.padEnd(9), ((u.user + u.system) / patients).toFixed(2), 'us cpu/patient');
  }
}
