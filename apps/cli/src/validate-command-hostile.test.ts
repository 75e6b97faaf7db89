import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useGeneratedDataset } from './test-generated-dataset.js';
import { runCli } from './test-run-cli.js';

const { root, dataset } = useGeneratedDataset('validate-hostile', 300);

describe('lm-synth validate --out inside the dataset', () => {
  const manifest = () => readFileSync(join(dataset, 'datapackage.json'), 'utf8');

  it.each([
    ['its manifest', () => join(dataset, 'datapackage.json')],
    ['a new file in it', () => join(dataset, 'report.json')],
    ['a relative path into it', () => relative(process.cwd(), join(dataset, 'metadata.json'))],
    ['a path through a symlink to it', () => join(root, 'via-link', 'datapackage.json')],
  ])('refuses %s in one line with exit 2, before validating', async (_name, out) => {
    symlinkSync(dataset, join(root, 'via-link'));
    try {
      const before = manifest();
      const result = await runCli(['validate', '--in', dataset, '--out', out()]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^lm-synth: --out .* is inside the dataset [^\n]*\n$/);
      expect(result.stdout).toBe('');
      expect(manifest()).toBe(before);
    } finally {
      rmSync(join(root, 'via-link'));
    }
  });

  it('refuses a symlink placed outside that points at the manifest', async () => {
    const link = join(root, 'report.json');
    symlinkSync(join(dataset, 'datapackage.json'), link);
    try {
      const before = manifest();
      const result = await runCli(['validate', '--in', dataset, '--out', link]);
      expect(result.code).toBe(2);
      expect(manifest()).toBe(before);
    } finally {
      rmSync(link);
    }
  });

  it('still writes a report beside the dataset', async () => {
    const out = join(root, 'validation.json');
    const result = await runCli(['validate', '--in', dataset, '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ ok: true });
  });
});
