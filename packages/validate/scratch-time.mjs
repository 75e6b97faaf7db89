import { defaultScenario } from '@lm-synth/config';
import { validate } from './dist/index.js';
const scenario = defaultScenario();
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await validate(process.argv[2], scenario);
  console.log('validate', Math.round(performance.now() - t), 'ms', r.ok);
}
