import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultScenario, scenarioHash } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES } from './dataset-files.js';
import { readManifest } from './manifest/read-manifest.js';
import { verifyDataset } from './manifest/verify-dataset.js';
import { readDatasetScenario } from './read-dataset-scenario.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import { writeDataset } from './write-dataset.js';

const tempDir = useTempDir();

async function writeWithScenario() {
  const scenario = defaultScenario();
  const tables = fixtureDataset({ patients: 50 });
  const source = Object.assign(tables, {
    run: { ...tables.run, scenarioHash: scenarioHash(scenario) },
    scenario,
  });
  const outDir = join(await tempDir(), 'out');
  await writeDataset(source, { outDir, format: 'csv', duckdb: false });
  return { outDir, scenario };
}

describe('a dataset carries its scenario', () => {
  it('writes scenario.yaml, names and hashes it in the manifest, and reads it back equal', async () => {
    const { outDir, scenario } = await writeWithScenario();
    const manifest = await readManifest(outDir);
    expect(manifest.lm_synth.scenario).toMatchObject({
      path: DATASET_FILES.scenario,
      hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    const text = await readFile(join(outDir, DATASET_FILES.scenario), 'utf8');
    expect(manifest.lm_synth.scenario?.bytes).toBe(Buffer.byteLength(text));
    const read = await readDatasetScenario(outDir);
    expect(scenarioHash(read!.scenario)).toBe(scenarioHash(scenario));
    expect(scenarioHash(read!.scenario)).toBe(manifest.lm_synth.scenarioHash);
  });

  it('is null for a dataset written without a scenario', async () => {
    const outDir = join(await tempDir(), 'out');
    await writeDataset(fixtureDataset({ patients: 50 }), { outDir, format: 'csv', duckdb: false });
    expect(await readDatasetScenario(outDir)).toBeNull();
    expect((await readManifest(outDir)).lm_synth.scenario).toBeUndefined();
  });

  it('refuses a modified or missing scenario file in one line', async () => {
    const { outDir } = await writeWithScenario();
    const path = join(outDir, DATASET_FILES.scenario);
    await appendFile(path, '# edited\n');
    await expect(readDatasetScenario(outDir)).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/scenario\.yaml was modified after the dataset was generated/),
    });
    await rm(path);
    await expect(readDatasetScenario(outDir)).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/scenario\.yaml is missing or unreadable \(ENOENT\)/),
    });
  });

  it('is checked by verifyDataset like the other files lm-synth wrote', async () => {
    const { outDir } = await writeWithScenario();
    expect((await verifyDataset(outDir)).ok).toBe(true);
    await appendFile(join(outDir, DATASET_FILES.scenario), '# edited\n');
    const check = await verifyDataset(outDir);
    expect(check.ok).toBe(false);
    expect(check.companions).toContainEqual({ path: DATASET_FILES.scenario, status: 'modified' });
  });
});
