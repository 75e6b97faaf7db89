import { defaultScenario } from '@lm-synth/config';
import { planDataset } from './dist/plan-dataset.js';
import { generatorSettings } from './dist/generator-settings.js';
import { GeneratorContext } from './dist/generator-context.js';
import { generateBlock } from './dist/generate-block.js';
const plan = planDataset(defaultScenario(), { patients: Number(process.argv[2]), workers: 0 });
const settings = generatorSettings(plan);
console.log('total', settings.cohort.total, 'baseline', settings.cohort.baseline);
const ctx = new GeneratorContext(settings);
for (let b = 0; b < ctx.blockCount; b++) {
  const t = Date.now();
  generateBlock(ctx, b, { patients: true, ed: true, ip: true });
  console.log('block', b, Date.now() - t);
}
