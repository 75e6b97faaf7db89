import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';
import { checksum, databaseLines, expectedLines } from './test-expected-rows.js';
import { loaderTables } from './test-loader-tables.js';
import { withOutputDirectory } from './test-output-directory.js';

// The child runs the built package, as users do (turbo builds before it tests).
const sinkModule = new URL('../dist/index.js', import.meta.url);

/** Loads an output directory (tables side by side over two connections), saying what it loads. */
function childScript(directory: string, url: string): string {
  return `
import { loadDataset } from ${JSON.stringify(sinkModule.href)};
await loadDataset(${JSON.stringify(directory)}, { url: ${JSON.stringify(url)} }, {
  onMessage: (message) => process.stdout.write(message + '\\n'),
});
`;
}

describe('a directory load killed with SIGKILL while its tables load side by side', () => {
  it('leaves the previous tables intact, and the next run succeeds', async () => {
    const previous = testDataset({ patients: 300 });
    const next = testDataset({ patients: 60_000, variant: 2 });
    await withOutputDirectory(next, 'csv', async (directory) => {
      await withTestDatabase(async ({ name, url, admin }) => {
        await loadDataset(previous.streams(), { url });
        const before = new Map<string, string>();
        for (const table of CATALOGUE)
          before.set(table.name, checksum(await databaseLines(admin, table)));

        const scriptDirectory = await mkdtemp(join(tmpdir(), 'lm-synth-kill-dir-'));
        try {
          const script = join(scriptDirectory, 'child.mjs');
          await writeFile(script, childScript(directory, url));
          const child = spawn(process.execPath, [script], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          const exited = once(child, 'exit');
          let seen = '';
          for await (const chunk of child.stdout!) {
            seen += String(chunk);
            // The largest table: by now both loading connections are busy.
            if (seen.includes('loading ed_encounters')) break;
          }
          child.kill('SIGKILL');
          const [, signal] = await exited;
          expect(signal).toBe('SIGKILL');
        } finally {
          await rm(scriptDirectory, { recursive: true, force: true });
        }

        for (const table of CATALOGUE) {
          expect(checksum(await databaseLines(admin, table)), table.name).toBe(
            before.get(table.name),
          );
        }
        const stages = await loaderTables(admin, name, 'staging');
        // The kill came mid-load: staging tables were left behind.
        expect(stages).toContain('ed_encounters__lm_stage');

        const report = await loadDataset(directory, { url });
        expect(report.verification.ok).toBe(true);
        for (const table of CATALOGUE) {
          expect(await databaseLines(admin, table), table.name).toEqual(
            expectedLines(table, next.tables.get(table.name)!),
          );
        }
        expect(await loaderTables(admin, name, 'any')).toEqual([]);
      });
    });
  });
});
