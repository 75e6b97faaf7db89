import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { scenarioHash } from '@lm-synth/config/core';
import { writeDataset } from '@lm-synth/export-arrow';
import { generateDataset, planDataset } from '@lm-synth/generators';
import { afterAll, beforeAll } from 'vitest';
import { fitModel } from './fit-model.js';
import type { SynthesizerModel } from './synthesizer-model.js';

/**
 * Test helper: a small rule-based dataset (`patients` residents, the default scenario)
 * written to a temporary directory before the file's tests, and the model fitted to it.
 */
export function useTrainingModel(patients: number): {
  readonly dir: () => string;
  readonly model: () => SynthesizerModel;
} {
  const root = mkdtempSync(join(tmpdir(), 'lm-synth-synthesizer-'));
  const dir = join(root, 'out');
  let model: SynthesizerModel | undefined;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    const scenario = defaultScenario();
    const plan = planDataset(scenario, { patients, workers: 0, seed: 11 });
    const { options } = plan;
    await writeDataset(generateDataset(plan), {
      outDir: dir,
      format: 'parquet',
      duckdb: false,
    });
    model = await fitModel(dir, scenario, { lmSynthVersion: 'test' });
  });
  return {
    dir: () => dir,
    model: () => {
      if (!model) throw new Error('the training model is not fitted yet');
      return model;
    },
  };
}
