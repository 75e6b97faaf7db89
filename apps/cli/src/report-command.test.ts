import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGeneratedDataset } from './test-generated-dataset.js';
import { runCli } from './test-run-cli.js';

const { root, dataset } = useGeneratedDataset('report', 2000);

describe('lm-synth report', () => {
  it('writes report.html beside the dataset: path, size, the gate summary and its exit code', async () => {
    const before = readdirSync(dataset);
    const result = await runCli(['report', '--in', dataset]);
    expect(result.stderr).toBe('');
    const path = join(root, 'report.html');
    expect(result.stdout).toContain(`Wrote ${path} (`);
    // Exit 0 when no gate failed, 1 when one did (as validate); the report is written either way.
    const verdict = /\d+ passed, (\d+) failed, \d+ inconclusive, \d+ info: (PASSED|FAILED)/.exec(
      result.stdout,
    );
    expect(verdict).not.toBeNull();
    expect(result.code).toBe(verdict![2] === 'PASSED' ? 0 : 1);
    expect(verdict![1] === '0').toBe(verdict![2] === 'PASSED');
    expect(result.stdout).toContain('Synthetic, for non-production testing');
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('id="ed-hour-profile"');
    expect(readdirSync(dataset)).toEqual(before);
  });

  it('--out and --compare: the comparison section', async () => {
    const out = join(root, 'compared.html');
    const result = await runCli(['report', '--in', dataset, '--compare', dataset, '--out', out]);
    // A dataset against itself copies every record: the privacy gates fail (exit 1), the report is written.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAILED');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="compare-pair-trends"');
    expect(html).toMatch(/data-gate="privacy-dcr" data-status="fail"/);
  });

  it('refuses a report inside the dataset: one line, exit 2, nothing written', async () => {
    const result = await runCli(['report', '--in', dataset, '--out', join(dataset, 'report.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lm-synth: --out .* is inside the dataset .*\n$/);
    expect(existsSync(join(dataset, 'report.html'))).toBe(false);
  });

  it('reports a missing dataset and a broken config in one line with exit 2', async () => {
    const missing = await runCli(['report', '--in', join(root, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`lm-synth: ${join(root, 'nowhere')} is not a directory\n`);
    const config = join(root, 'broken.yaml');
    writeFileSync(config, 'validation: [\n');
    const broken = await runCli(['report', '--in', dataset, '--config', config]);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).not.toContain('    at ');
  });
});
