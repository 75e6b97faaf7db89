import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-synth-cli-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('lm-synth config init', () => {
  it('writes the default YAML and the coverage CSV beside it, which check cleanly', async () => {
    const out = join(dir, 'nested', 'my_region.yaml');
    const result = await runCli(['config', 'init', '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      `wrote ${out}\nwrote ${join(dir, 'nested', 'coverage_matrix.csv')}\n`,
    );
    const yaml = readFileSync(out, 'utf8');
    expect(yaml.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/@lm-synth\/config@/,
    );
    expect(yaml.split('\n').slice(1)).toEqual(
      readFileSync(join(CONFIGS, 'lower_mainland_defaults.yaml'), 'utf8').split('\n').slice(1),
    );
    expect(readFileSync(join(dir, 'nested', 'coverage_matrix.csv'), 'utf8')).toBe(
      readFileSync(join(CONFIGS, 'coverage_matrix.csv'), 'utf8'),
    );
    expect((await runCli(['config', 'check', '--config', out])).code).toBe(0);
  });

  it('refuses to overwrite either file without --force, writing nothing', async () => {
    const out = join(dir, 'scenario.yaml');
    writeFileSync(join(dir, 'coverage_matrix.csv'), 'mine\n');
    const refused = await runCli(['config', 'init', '--out', out]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      `lm-synth: ${join(dir, 'coverage_matrix.csv')} already exists; use --force to overwrite it\n`,
    );
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(join(dir, 'coverage_matrix.csv'), 'utf8')).toBe('mine\n');

    const forced = await runCli(['config', 'init', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'coverage_matrix.csv'), 'utf8')).toMatch(/^site_code,/);
  });
});
