import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUE } from '@lm-synth/dims';
import { Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';
import { checksum, databaseLines, expectedLines } from './test-expected-rows.js';
import { loaderTables } from './test-loader-tables.js';

const require = createRequire(import.meta.url);
const arrowModule = join(dirname(require.resolve('apache-arrow')), 'Arrow.node.mjs');
const dimsModule = require.resolve('@lm-synth/dims');
// The child runs the built package, as users do (turbo builds before it tests).
const sinkModule = new URL('../dist/index.js', import.meta.url);

/**
 * A loader that streams the dataset from Arrow files, then patients for ever:
 * it is killed in the middle of LOAD DATA LOCAL INFILE.
 */
function childScript(directory: string, url: string): string {
  return `
import { readFileSync } from 'node:fs';
import { tableFromIPC } from ${JSON.stringify(pathToFileURL(arrowModule).href)};
import { CATALOGUE } from ${JSON.stringify(pathToFileURL(dimsModule).href)};
import { loadDataset } from ${JSON.stringify(sinkModule.href)};
const batches = (name) => tableFromIPC(readFileSync(${JSON.stringify(directory)} + '/' + name + '.arrow')).batches;
async function* forever(list) {
  for (;;) {
    for (const batch of list) { yield batch; await new Promise((r) => setTimeout(r, 5)); }
    process.stdout.write('streaming\\n');
  }
}
async function* streams() {
  for (const table of CATALOGUE) {
    yield { table, batches: table.name === 'patients' ? forever(batches(table.name)) : batches(table.name) };
  }
}
await loadDataset(streams(), { url: ${JSON.stringify(url)} });
`;
}

async function waitForLine(child: ChildProcess, text: string): Promise<void> {
  let seen = '';
  for await (const chunk of child.stdout!) {
    seen += String(chunk);
    if (seen.includes(text)) return;
  }
  throw new Error(`the loader exited before printing "${text}"`);
}

describe('a loader killed with SIGKILL in the middle of a load', () => {
  it('leaves the previous tables intact, and the next run succeeds', async () => {
    const previous = testDataset({ patients: 300 });
    const next = testDataset({ patients: 500, variant: 2 });
    const directory = await mkdtemp(join(tmpdir(), 'lm-synth-kill-'));
    try {
      for (const table of CATALOGUE) {
        const ipc = tableToIPC(new Table(next.tables.get(table.name)! as never), 'file');
        await writeFile(join(directory, `${table.name}.arrow`), ipc);
      }
      await withTestDatabase(async ({ name, url, admin }) => {
        await loadDataset(previous.streams(), { url });
        const before = new Map<string, string>();
        for (const table of CATALOGUE)
          before.set(table.name, checksum(await databaseLines(admin, table)));

        await writeFile(join(directory, 'child.mjs'), childScript(directory, url));
        const child = spawn(process.execPath, [join(directory, 'child.mjs')], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const exited = once(child, 'exit');
        await waitForLine(child, 'streaming');
        child.kill('SIGKILL');
        const [, signal] = await exited;
        expect(signal).toBe('SIGKILL');

        for (const table of CATALOGUE) {
          expect(checksum(await databaseLines(admin, table)), table.name).toBe(
            before.get(table.name),
          );
        }
        const stages = await loaderTables(admin, name, 'staging');
        // The kill came mid-load: staging tables were left behind.
        expect(stages).toContain('patients__lm_stage');

        const report = await loadDataset(next.streams(), { url });
        expect(report.verification.ok).toBe(true);
        for (const table of CATALOGUE) {
          expect(await databaseLines(admin, table), table.name).toEqual(
            expectedLines(table, next.tables.get(table.name)!),
          );
        }
        expect(await loaderTables(admin, name, 'any')).toEqual([]);
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
