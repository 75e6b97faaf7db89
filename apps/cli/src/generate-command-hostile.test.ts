import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Real processes of the built CLI: signals and races cannot be simulated in-process.
const BIN = join(import.meta.dirname, '..', 'dist', 'bin.js');
const PATIENTS = '5000';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-generate-hostile-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function generate(out: string, ...extra: string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const args = ['generate', '--patients', PATIENTS, '--out', out, '--format', 'csv', '--no-duckdb'];
  const child = spawn(process.execPath, [BIN, ...args, ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_PROGRESS: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exit };
}

/** Waits until the run has created its temporary directory beside `out`. */
async function writing(exit: Promise<Exit>): Promise<void> {
  let ended = false;
  void exit.then(() => {
    ended = true;
  });
  while (!readdirSync(root).some((entry) => entry.includes('.lm-synth-tmp-'))) {
    if (ended) throw new Error(`generate ended before writing: ${(await exit).stderr}`);
    await sleep(5);
  }
}

describe('lm-synth generate interrupted by a signal', () => {
  it.each([
    ['SIGINT', 130, '0'],
    ['SIGTERM', 143, '0'],
    ['SIGINT', 130, '1'],
  ] as const)(
    '%s removes the temporary directory and exits %i (%s workers)',
    async (signal, code, workers) => {
      const out = join(root, 'out');
      const run = generate(out, '--workers', workers);
      await writing(run.exit);
      run.child.kill(signal);
      const exit = await run.exit;
      expect({ code: exit.code, signal: exit.signal }).toEqual({ code, signal: null });
      expect(exit.stderr).toBe(
        `lm-synth: interrupted by ${signal}; removed the temporary directory, ${out} is as it was\n`,
      );
      expect(readdirSync(root)).toEqual([]);
    },
  );

  it('leaves the dataset it was replacing in place', async () => {
    const out = join(root, 'out');
    const first = generate(out, '--workers', '0');
    expect((await first.exit).code).toBe(0);
    const manifest = readFileSync(join(out, 'datapackage.json'), 'utf8');
    const run = generate(out, '--workers', '0', '--force', '--seed', '7');
    await writing(run.exit);
    run.child.kill('SIGTERM');
    expect((await run.exit).code).toBe(143);
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toBe(manifest);
    expect(readdirSync(root)).toEqual(['out']);
  });
});

describe('lm-synth generate --force racing another writer', () => {
  it('refuses in one line with exit 2, naming a file saved into --out during the run, and keeps it', async () => {
    const out = join(root, 'out');
    expect((await generate(out, '--workers', '0').exit).code).toBe(0);
    const run = generate(out, '--workers', '0', '--force');
    await writing(run.exit);
    writeFileSync(join(out, 'notebook.ipynb'), 'my work');
    const exit = await run.exit;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/^lm-synth: .* during the run \(notebook\.ipynb\)[^\n]*\n$/);
    expect(readFileSync(join(out, 'notebook.ipynb'), 'utf8')).toBe('my work');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('refuses in one line with exit 2, not ENOTEMPTY, when files appear in an empty --out', async () => {
    const out = join(root, 'out');
    const run = generate(out, '--workers', '0');
    await writing(run.exit);
    // --out did not exist: another program creates it and saves a file there.
    expect(existsSync(out)).toBe(false);
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const exit = await run.exit;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/^lm-synth: .*\(notes\.txt\)[^\n]*\n$/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });
});
