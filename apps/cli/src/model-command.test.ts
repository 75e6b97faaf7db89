import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGeneratedDataset } from './test-generated-dataset.js';
import { runCli } from './test-run-cli.js';

const { root, dataset } = useGeneratedDataset('model', 1_500);

/** Each data file's digest, as the manifest records it: equal digests are equal bytes. */
function digests(dir: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
    resources: { name: string; hash: string }[];
  };
  return Object.fromEntries(manifest.resources.map((resource) => [resource.name, resource.hash]));
}

describe('lm-synth model', () => {
  const model = join(root, 'model.json');

  it('fits, samples and validates in one go (pipeline)', async () => {
    const result = await runCli([
      'model',
      'pipeline',
      '--in',
      dataset,
      '--model',
      model,
      '--out',
      join(root, 'pipeline'),
      '--patients',
      '1200',
      '--seed',
      '3',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^fit: /);
    // Every integrity gate and the privacy gates pass on the sample; fidelity is reported.
    for (const gate of [
      'primary-keys',
      'foreign-keys',
      'dob-age-group',
      'los-minimum',
      'alc-los',
      'discharge-time',
      'subprogram-in-program',
      'program-coverage',
      'ed-coverage',
      'ed-visit-count',
      'linked-stays',
      'activity-in-residence',
      'quasi-identifiers',
      'manifest',
      'privacy-dcr',
      'privacy-nndr',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`PASS +${gate} `));
    }
    expect([0, 1]).toContain(result.code);
  }, 240_000);

  it('writes byte-identical samples for a seed whatever --workers, naming the model', async () => {
    const sample = async (out: string, workers: string) => {
      const result = await runCli([
        'model',
        'sample',
        '--model',
        model,
        '--patients',
        '700',
        '--seed',
        '9',
        '--workers',
        workers,
        '--out',
        join(root, out),
        '--no-duckdb',
      ]);
      expect(result.code).toBe(0);
    };
    await sample('a', '0');
    await sample('b', '3');
    expect(digests(join(root, 'a'))).toEqual(digests(join(root, 'b')));
    const manifest = JSON.parse(readFileSync(join(root, 'a', 'datapackage.json'), 'utf8'));
    expect(manifest.lm_synth.model.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest.lm_synth.patients).toBe(700);
  }, 240_000);

  it('says what is wrong in one line with exit code 2', async () => {
    const missing = await runCli([
      'model',
      'sample',
      '--model',
      join(root, 'nope.json'),
      '--out',
      join(root, 'x'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`lm-synth: ${join(root, 'nope.json')}: no such model file\n`);
    const patients = await runCli([
      'model',
      'sample',
      '--model',
      model,
      '--patients',
      '0',
      '--out',
      join(root, 'x'),
    ]);
    expect(patients.code).toBe(2);
    expect(patients.stderr.trim().split('\n')).toHaveLength(1);
    const notADataset = await runCli([
      'model',
      'fit',
      '--in',
      join(root, 'absent'),
      '--model',
      join(root, 'm2.json'),
    ]);
    expect(notADataset.code).toBe(2);
    expect(notADataset.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);
});
