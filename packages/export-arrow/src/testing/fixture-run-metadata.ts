import type { RunMetadata } from '@lm-synth/dims';
import type { FixtureDatasetOptions } from './fixture-dataset-options.js';

/** The run metadata a generator would report for `fixtureDataset(options)`. */
export function fixtureRunMetadata(options: FixtureDatasetOptions = {}): RunMetadata {
  return {
    lmSynthVersion: '0.0.0-fixture',
    seed: options.seed ?? 1,
    scenarioId: 'baseline',
    scenarioHash: `sha256:${'0'.repeat(64)}`,
    referenceDate: '2025-01-01',
    timeZone: 'America/Vancouver',
    startYear: 2025,
    horizonYears: 2,
    patients: options.patients ?? 300,
    uniqueQuasiIdentifiers: false,
    withEd: options.withEd ?? true,
    withIp: options.withIp ?? true,
  };
}
