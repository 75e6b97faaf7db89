import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('lm-synth CLI shell', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('lists commands with --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('lm-synth');
  });

  it('rejects an unknown command with exit code 2 on stderr and no stack trace', async () => {
    const result = await runCli(['frobnicate', '--wat']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^lm-synth: unknown command "frobnicate"; lm-synth --help lists the commands\n$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
