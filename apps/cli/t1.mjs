import { defaultScenario } from '@lm-synth/config';
import { generateInMemory } from '@lm-synth/generators';
const t0 = Date.now();
const tables = await generateInMemory(defaultScenario(), { patients: Number(process.argv[2] ?? 500), workers: 0 });
console.log('ms', Date.now() - t0);
for (const [k, v] of Object.entries(tables)) console.log(k, v.numRows);
