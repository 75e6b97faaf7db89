import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManifest } from './manifest/read-manifest.js';
import { verifyDataset } from './manifest/verify-dataset.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { writeDataset } from './write-dataset.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const tempDir = useTempDir();

/**
 * Runs writeDataset (from the built package) in a child process and SIGKILLs
 * it as soon as it reports `killAt`, the way a crash or `kill -9` would.
 */
async function writeAndKill(
  outDir: string,
  killAt: (event: { type: string; table?: string }) => boolean,
) {
  const script = `
    const { writeDataset } = await import(${JSON.stringify(join(dist, 'index.js'))});
    const { fixtureDataset } = await import(${JSON.stringify(join(dist, 'testing', 'index.js'))});
    const fixture = { patients: 60000, seed: 9 };
    await writeDataset(fixtureDataset(fixture), {
      outDir: process.argv[1], format: 'parquet', force: true, onProgress: (event) => process.stdout.write(JSON.stringify(event) + '\\n'),
    });
    process.stdout.write('{"type":"done"}\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, outDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  const seen: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const event = JSON.parse(line) as { type: string; table?: string };
    seen.push(event.type);
    if (killAt(event)) {
      child.kill('SIGKILL');
      break;
    }
  }
  return { signal: await exited, seen };
}

const leftovers = async (root: string) =>
  (await readdir(root)).filter((entry) => entry.includes('.lm-synth-'));

describe('a writer killed with SIGKILL', () => {
  it('leaves the previous complete dataset or nothing, and the next run cleans up', async () => {
    expect(existsSync(join(dist, 'testing', 'index.js')), 'run the build first').toBe(true);
    const root = await tempDir();
    const outDir = join(root, 'out');
    const moments = [
      (event: { type: string; table?: string }) =>
        event.type === 'rows-written' && event.table === 'patients',
      (event: { type: string; table?: string }) =>
        event.type === 'table-started' && event.table === 'ip_stays',
      (event: { type: string }) => event.type === 'finishing',
    ];
    for (const killAt of moments) {
      // First with no dataset in place: nothing may appear.
      const first = await writeAndKill(outDir, killAt);
      expect(first.signal).toBe('SIGKILL');
      expect(first.seen).not.toContain('done');
      expect(existsSync(outDir)).toBe(false);
      expect(await leftovers(root)).toHaveLength(1);
    }
    await writeDataset(fixtureDataset(), { outDir, format: 'csv' });
    expect(await leftovers(root)).toEqual([]);
    for (const killAt of moments) {
      // Then over a complete dataset: it must survive untouched.
      const { signal } = await writeAndKill(outDir, killAt);
      expect(signal).toBe('SIGKILL');
      const check = await verifyDataset(outDir);
      expect(check.ok).toBe(true);
      expect(check.manifest.lm_synth).toMatchObject({ format: 'csv', seed: 1 });
      expect(await leftovers(root)).toHaveLength(1);
    }
  });

  it('puts back a previous dataset stranded by a crash between the two renames', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    await writeDataset(fixtureDataset(), { outDir, format: 'csv' });
    // The state a replacing run leaves when killed after moving the old dataset aside.
    const deadPid = 999_999_999;
    await rename(outDir, join(root, `.out.lm-synth-old-${deadPid}`));
    await mkdir(join(root, `.out.lm-synth-tmp-${deadPid}`));
    await cp(
      join(root, `.out.lm-synth-old-${deadPid}`),
      join(root, `.out.lm-synth-tmp-${deadPid}`),
      {
        recursive: true,
      },
    );
    await rm(join(root, `.out.lm-synth-tmp-${deadPid}`, 'datapackage.json'));
    const error = await writeDataset(fixtureDataset(), {
      outDir,
      format: 'csv',
    }).catch((caught: unknown) => caught);
    // The old dataset is back in place, so a run without --force now refuses to replace it.
    expect(error).toMatchObject({ isInputError: true });
    expect((await verifyDataset(outDir)).ok).toBe(true);
    expect((await readManifest(outDir)).lm_synth.format).toBe('csv');
    expect(await readdir(root)).toEqual(['out']);
  });
});
