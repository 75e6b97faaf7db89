import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));
const overlay = join(CONFIGS, 'scenarios', 'high_growth.yaml');
const root = mkdtempSync(join(tmpdir(), 'lm-synth-dataset-scenario-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a dataset carries its scenario', () => {
  it('generated with an overlay alone, validates with no --config; --config that differs warns', async () => {
    const out = join(root, 'out');
    const generated = await runCli([
      'generate',
      '--config',
      overlay,
      '--patients',
      '2000',
      '--out',
      out,
      '--no-duckdb',
      '--workers',
      '0',
    ]);
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(
      /^note: .*high_growth\.yaml is an overlay \(it has no .*\): applying it onto the packaged defaults$/m,
    );
    const manifest = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8'));
    expect(manifest.lm_synth.scenarioId).toBe('high-growth');
    expect(manifest.lm_synth.scenario.path).toBe('scenario.yaml');

    const own = await runCli(['validate', '--in', out, '--format', 'json']);
    expect(own.stderr).toBe('');
    const report = JSON.parse(own.stdout);
    expect(report.scenario).toMatchObject({ id: 'high-growth', matchesDataset: true });
    expect(report.gates.filter((gate: { status: string }) => gate.status === 'fail')).toEqual([]);
    expect(own.code).toBe(0);

    // The same overlay by hand agrees with the dataset: no warning.
    const same = await runCli(['validate', '--in', out, '--config', overlay, '--format', 'json']);
    expect(same.stderr).not.toMatch(/warning/);

    const defaults = join(CONFIGS, 'lower_mainland_defaults.yaml');
    const other = await runCli(['validate', '--in', out, '--config', defaults, '--format', 'json']);
    const warnings = other.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /--config gives scenario lower-mainland-baseline .* not the one .* was generated from \(high-growth, sha256:/,
    );
    expect(JSON.parse(other.stdout).scenario.matchesDataset).toBe(false);

    const status = await runCli(['status', '--in', out]);
    expect(status.stdout).toMatch(/scenario\.yaml\s+ok/);
  }, 240_000);
});
