import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDataset } from '../test-write-dataset.js';
import { defaultReportPath } from './default-report-path.js';
import { writeHtmlReport } from './write-html-report.js';

const scenario = defaultScenario();
let root: string;
let dataset: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lm-synth-report-write-'));
  dataset = join(root, 'out');
  await writeTestDataset(dataset, { patients: 1_000, seed: 9 });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('writeHtmlReport', () => {
  it('writes report.html beside the dataset by default, leaving no temporary file', async () => {
    const before = await readdir(dataset);
    const written = await writeHtmlReport(dataset, scenario);
    expect(written.path).toBe(join(root, 'report.html'));
    expect(defaultReportPath(`${dataset}/`)).toBe(join(root, 'report.html'));
    const html = await readFile(written.path, 'utf8');
    expect(Buffer.byteLength(html)).toBe(written.bytes);
    expect(html).toContain('Synthetic, for non-production testing');
    expect(written.report.gates.length).toBeGreaterThan(20);
    expect(await readdir(root)).toEqual(['out', 'report.html']);
    expect(await readdir(dataset)).toEqual(before);
  });

  it('refuses a path inside the dataset, even through a symlink, before reading anything', async () => {
    await expect(
      writeHtmlReport(dataset, scenario, { out: join(dataset, 'r.html') }),
    ).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/is inside the dataset .*write the report elsewhere/),
    });
    const link = join(root, 'link.html');
    await symlink(join(dataset, 'sneaky.html'), link);
    await expect(writeHtmlReport(dataset, scenario, { out: link })).rejects.toMatchObject({
      isInputError: true,
    });
    expect(await readdir(dataset)).not.toContain('sneaky.html');
  });

  it('reports a directory it cannot write to as bad input', async () => {
    await mkdir(join(root, 'dir.html'));
    await expect(
      writeHtmlReport(dataset, scenario, { out: join(root, 'dir.html') }),
    ).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringContaining('cannot write'),
    });
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
