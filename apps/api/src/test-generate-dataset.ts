import { defaultScenario, scenarioHash } from '@lm-synth/config';
import { writeDataset } from '@lm-synth/export-arrow';
import { type GenerateOptions, generateDataset, planDataset } from '@lm-synth/generators';
import { API_VERSION } from './api-version.js';

/** Generates a real dataset of the default scenario into `outDir` (Parquet, no DuckDB file), as `lm-synth generate` does. */
export async function generateTestDataset(outDir: string, options: GenerateOptions): Promise<void> {
  const scenario = defaultScenario();
  const { options: resolved, scenario: planned } = planDataset(scenario, options);
  await writeDataset(generateDataset(scenario, resolved), {
    outDir,
    format: 'parquet',
    duckdb: false,
    run: {
      lmSynthVersion: API_VERSION,
      seed: resolved.seed,
      scenarioId: scenario.meta.id,
      scenarioHash: scenarioHash(planned),
      referenceDate: scenario.referenceDate,
      timeZone: scenario.timeZone,
      startYear: resolved.startYear,
      horizonYears: resolved.horizonYears,
      patients: resolved.patients,
      uniqueQuasiIdentifiers: resolved.uniqueQuasiIdentifiers,
      withEd: resolved.withEd,
      withIp: resolved.withIp,
    },
  });
}
