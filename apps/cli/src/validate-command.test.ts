import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGeneratedDataset } from './test-generated-dataset.js';
import { runCli } from './test-run-cli.js';

const { root, dataset } = useGeneratedDataset('validate', 2000);
const defaults = join(import.meta.dirname, '../../../configs/lower_mainland_defaults.yaml');

describe('lm-synth validate', () => {
  it('passes a correct dataset: exit 0 and a table of gates', async () => {
    const result = await runCli(['validate', '--in', dataset]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS +foreign-keys +no foreign-key values/m);
    // At 2,000 patients ED volumes by cell cannot show a 10% deviation: inconclusive, not pass,
    // with the size at which the gate would decide.
    expect(result.stdout).toMatch(
      /^INCONCLUSIVE +ed-volumes +\d+ of 72 .* too small to detect a 10% deviation .*decisive from about [\d,]+ patients/m,
    );
    expect(result.stdout).toMatch(/\d+ passed, 0 failed, [1-9]\d* inconclusive, \d+ info: PASSED/);
    expect(result.stdout).toContain('Synthetic, for non-production testing');
    // Not a terminal: no colour codes.
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--format json prints the report and --out writes the same JSON', async () => {
    const out = join(root, 'validation.json');
    const result = await runCli([
      'validate',
      '--in',
      dataset,
      '--config',
      defaults,
      '--format',
      'json',
      '--out',
      out,
      '--ks-threshold',
      '0.2',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      ok: true,
      scenario: { matchesDataset: true },
    });
    expect(report.thresholds.ksThreshold).toBe(0.2);
    expect(report.gates.map((gate: { id: string }) => gate.id)).toContain('correlation-drift');
    expect(readFileSync(out, 'utf8')).toBe(result.stdout);
  });

  it('exits 1 with GitHub annotations naming the failing gate', async () => {
    // An overlay demanding that 99% of under-15 visits be pediatric: the data has about 80%.
    const overlay = join(root, 'strict.yaml');
    writeFileSync(overlay, 'validation:\n  pediatric_share_under_15_min: 0.99\n');
    const result = await runCli([
      'validate',
      '--in',
      dataset,
      '--config',
      defaults,
      '--config',
      overlay,
      '--format',
      'github',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error title=lm-synth validate%3A pediatric-share::Pediatric ED carries children, Adult ED adults: 1 of 3 /m,
    );
    expect(result.stdout).not.toMatch(/::error title=lm-synth validate%3A (?!pediatric-share)/);
    expect(result.stdout).toMatch(
      /^::warning title=lm-synth validate%3A ed-volumes::.*decisive from about/m,
    );
    expect(result.stdout).toMatch(
      /^lm-synth validate: 1 of \d+ gates failed \(\d+ passed, [1-9]\d* inconclusive, \d+ info\): FAILED\n$/m,
    );
    // The scenario differs from the dataset's own (the overlay): said once, on stderr.
    expect(result.stderr).toMatch(/^warning: --config gives scenario /);
  });

  it('exits 2 for a missing dataset, a broken config and a bad flag', async () => {
    const missing = await runCli(['validate', '--in', join(root, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere is not a directory/);
    expect(missing.stdout).toBe('');

    const notADataset = await runCli(['validate', '--in', root]);
    expect(notADataset.code).toBe(2);
    expect(notADataset.stderr).toMatch(/datapackage\.json/);

    const config = await runCli(['validate', '--in', dataset, '--config', join(root, 'none.yaml')]);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/none\.yaml/);

    const format = await runCli(['validate', '--in', dataset, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of text, json, github/);

    const threshold = await runCli(['validate', '--in', dataset, '--ks-threshold', '2']);
    expect(threshold.code).toBe(2);
  });
});
