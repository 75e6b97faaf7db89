import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
let root: string;
let dataset: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-serve-hostile-'));
  dataset = join(root, 'out');
  const generated = await runCli([
    'generate',
    '--patients',
    '50',
    '--workers',
    '0',
    '--out',
    dataset,
  ]);
  expect(generated.code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** GET /health on `port` with this Host header (fetch() would not let us set it). */
function statusFor(port: number, host: string): Promise<number> {
  return new Promise((done, failed) => {
    request({ host: '127.0.0.1', port, path: '/health', headers: { host } }, (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    })
      .on('error', failed)
      .end();
  });
}

describe('lm-synth serve and the Host header', () => {
  it('refuses foreign host names on loopback, except those given with --allowed-host', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--in', dataset, '--port', '0', '--allowed-host', 'Proxy.Example.test'],
      { env: { ...process.env, CI: '1' } },
    );
    try {
      const port = await new Promise<number>((found, failed) => {
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const match = /at http:\/\/127\.0\.0\.1:(\d+)\n/.exec(stdout);
          if (match) found(Number(match[1]));
        });
        child.on('exit', (code) => failed(new Error(`serve exited with ${code}`)));
      });
      expect(await statusFor(port, `127.0.0.1:${port}`)).toBe(200);
      expect(await statusFor(port, `localhost:${port}`)).toBe(200);
      expect(await statusFor(port, `proxy.example.test:${port}`)).toBe(200);
      expect(await statusFor(port, `rebound.example.test:${port}`)).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses an --allowed-host with a scheme or a port', async () => {
    const result = await runCli(['serve', '--in', dataset, '--allowed-host', 'http://a.test:80']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: --allowed-host takes a host name/);
  });
});
