import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateTestDataset } from './test-generate-dataset.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A generated dataset of 1,000 patients with ED encounters and inpatient stays. */
    datasetDir: string;
    /** The same scenario with 100 patients and neither ED encounters nor inpatient stays. */
    noFactsDatasetDir: string;
  }
}

/** Generates the datasets every test file reads, once per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'lm-synth-api-test-'));
  const datasetDir = join(root, 'full');
  const noFactsDatasetDir = join(root, 'no-facts');
  await generateTestDataset(datasetDir, { patients: 1000, workers: 0 });
  await generateTestDataset(noFactsDatasetDir, {
    patients: 100,
    workers: 0,
    withEd: false,
    withIp: false,
  });
  project.provide('datasetDir', datasetDir);
  project.provide('noFactsDatasetDir', noFactsDatasetDir);
  return () => rm(root, { recursive: true, force: true });
}
