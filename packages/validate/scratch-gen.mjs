import { defaultScenario } from '@lm-synth/config';
import { generateDataset } from '@lm-synth/generators';
const s = defaultScenario();
for (const workers of [0, 2]) {
  const t = performance.now();
  let rows = 0;
  for await (const { batches } of generateDataset(s, { patients: 50000, seed: 3, workers })) for await (const b of batches) rows += b.numRows;
  console.log('workers', workers, Math.round(performance.now() - t), 'ms', rows);
}
