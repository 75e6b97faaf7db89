import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { it } from 'vitest';
import { testDataset } from './test-dataset.js';
import { withOutputDirectory } from './test-output-directory.js';

it('parquet', async () => {
  const ds = testDataset({ patients: 1_000_000 });
  await withOutputDirectory(ds, 'parquet', async (dir) => {
    for (const name of ['ed_encounters', 'patients']) {
      const bytes = await readFile(join(dir, `${name}.parquet`));
      for (const per of [122_880, 1 << 20]) {
        const t = performance.now();
        let rows = 0;
        for (let offset = 0; ; offset += per) {
          const table = tableFromIPC(readParquet(bytes, { offset, limit: per }).intoIPCStream());
          rows += table.numRows;
          if (table.numRows < per) break;
        }
        console.log(name, per, rows, (performance.now() - t).toFixed(0), 'ms');
      }
    }
  });
}, 600000);
