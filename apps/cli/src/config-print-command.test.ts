import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-synth-cli-print-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('lm-synth config print', () => {
  it('prints the merged scenario as YAML that checks back to the same hash', async () => {
    const configs = ['lower_mainland_defaults.yaml', 'scenarios/pediatric_surge.yaml'].flatMap(
      (name) => ['--config', join(CONFIGS, name)],
    );
    const printed = await runCli(['config', 'print', ...configs]);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toBe('');
    const [title, hash] = printed.stdout.split('\n');
    expect(title).toMatch(/^# lm-synth scenario "pediatric-surge", merged and validated/);
    expect(printed.stdout).toMatch(/Pediatric ED: 525/);
    writeFileSync(join(dir, 'printed.yaml'), printed.stdout);
    const checked = await runCli(['config', 'check', '--config', join(dir, 'printed.yaml')]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(hash!.slice(2));
  });

  it('prints JSON with --json, the packaged defaults without --config', async () => {
    const printed = await runCli(['config', 'print', '--json']);
    expect(printed.code).toBe(0);
    const value = JSON.parse(printed.stdout);
    expect(value.scenario.id).toBe('lower-mainland-baseline');
    expect(Object.keys(value.sites)).toHaveLength(12);
    expect(value.coverage_matrix['LM-SNW']['Pediatric ED']).toBe(1);
  });

  it('prints nothing on stdout for a broken scenario and exits 2', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'seed: [1]\n');
    const result = await runCli([
      'config',
      'print',
      '--config',
      join(CONFIGS, 'lower_mainland_defaults.yaml'),
      '--config',
      join(dir, 'broken.yaml'),
    ]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `${join(dir, 'broken.yaml')}:1:7 seed: expected a number, found a list\n`,
    );
  });
});
