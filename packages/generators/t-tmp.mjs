import { defaultScenario } from '@lm-synth/config';
import { generateDataset } from './dist/index.js';

const s = defaultScenario();
const [patients, workers] = process.argv.slice(2).map(Number);
const t0 = performance.now();
for await (const { table, batches } of generateDataset(s, {
  patients,
  workers,
  uniqueQuasiIdentifiers: false,
})) {
  const t = performance.now();
  let rows = 0;
  for await (const b of batches) rows += b.numRows;
  if (table.role === 'fact')
    console.log(table.name, rows, (performance.now() - t).toFixed(0), 'ms');
}
console.log('total', (performance.now() - t0).toFixed(0));
