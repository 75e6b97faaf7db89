import { readModelFile, sampleModel } from './dist/index.js';

const { model } = await readModelFile('/tmp/synth-model.json');
const N = Number(process.argv[2] ?? 50000);
const t0 = performance.now();
let rows = 0;
for (const { table, batches } of sampleModel(model, {
  patients: N,
  seed: 7,
  uniqueQuasiIdentifiers: false,
})) {
  const t1 = performance.now();
  for (const b of batches) rows += b.numRows;
  console.log(table.name, ((performance.now() - t1) / 1000).toFixed(2));
}
console.log(rows, ((performance.now() - t0) / 1000).toFixed(2), 's');
