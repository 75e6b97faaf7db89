import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
let root: string;
let dataset: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-serve-'));
  dataset = join(root, 'out');
  const generated = await runCli([
    'generate',
    '--patients',
    '200',
    '--workers',
    '0',
    '--no-duckdb',
    '--out',
    dataset,
  ]);
  expect(generated.code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly origin: string;
  readonly stderr: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI on a free port and waits for the line that says where it listens. */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, CI: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const origin = await new Promise<string>((found, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match) found(match[1]!);
    });
    exit.then(({ code }) => failed(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, origin, stderr: () => stderr, exit };
}

describe('lm-synth serve', () => {
  it('serves the dataset on loopback, logs requests and stops on SIGTERM with exit code 0', async () => {
    const served = await serve(['--in', dataset]);
    const response = await fetch(`${served.origin}/api/v1/patients?size=3`);
    expect(response.status).toBe(200);
    // 200 residents of the start year and the entrants of the encounter years.
    expect(((await response.json()) as { total: number }).total).toBeGreaterThan(200);
    served.child.kill('SIGTERM');
    expect(await served.exit).toEqual({ code: 0, signal: null });
    const logs = served
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; req?: { url: string } });
    expect(logs.some((entry) => entry.req?.url === '/api/v1/patients?size=3')).toBe(true);
    expect(logs.some((entry) => entry.msg === 'request completed')).toBe(true);
    expect(logs.at(-1)?.msg).toBe('shutting down');
  });

  it('finishes the request in flight when interrupted with SIGINT', async () => {
    const served = await serve(['--in', dataset]);
    // The validation report takes a while to compute: the signal arrives while it runs.
    const pending = fetch(`${served.origin}/api/v1/validation/summary`);
    await new Promise((wait) => setTimeout(wait, 100));
    served.child.kill('SIGINT');
    const response = await pending;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { schemaVersion: number }).schemaVersion).toBe(1);
    expect(await served.exit).toEqual({ code: 0, signal: null });
  });

  it('rejects a missing dataset, a bad port and a password on the command line with exit code 2', async () => {
    const missing = await runCli(['serve', '--in', join(root, 'nothing-here')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect((await runCli(['serve', '--in', dataset, '--port', '70000'])).code).toBe(2);
    const password = await runCli(['serve', '--mysql', 'mysql://root:secret@127.0.0.1/lm_synth']);
    expect(password.code).toBe(2);
    expect(password.stderr).toContain('password');
    expect(password.stderr).not.toContain('secret');
  });

  it('says so when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runCli(['serve', '--in', dataset, '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1 port ${port}: EADDRINUSE`);
    } finally {
      await new Promise((closed) => blocker.close(closed));
    }
  });
});
