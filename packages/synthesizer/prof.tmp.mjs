import { readModelFile, sampleModel } from './dist/index.js';

const { model } = await readModelFile('/tmp/synth-m.json');
const N = Number(process.argv[2] ?? 50000);
const t0 = performance.now();
let rows = 0;
for (const { table, batches } of sampleModel(model, {
  patients: N,
  seed: 7,
  uniqueQuasiIdentifiers: false,
})) {
  for (const b of batches)
    if (['patients', 'ed_encounters', 'ip_stays'].includes(table.name)) rows += b.numRows;
}
console.log(rows, ((performance.now() - t0) / 1000).toFixed(2), 's');
