import { scenarioHash } from '@lm-synth/config/core';
import type { RunMetadata } from '@lm-synth/dims';
import { GENERATORS_VERSION } from './generators-version.js';
import type { DatasetPlan } from './plan-dataset.js';

/** What a plan produces, as the manifest records it: taken from the plan, never written by hand. */
export function runMetadata(plan: DatasetPlan): RunMetadata {
  const { scenario, options } = plan;
  return {
    lmSynthVersion: GENERATORS_VERSION,
    seed: options.seed,
    scenarioId: scenario.meta.id,
    scenarioHash: scenarioHash(scenario),
    referenceDate: scenario.referenceDate,
    timeZone: scenario.timeZone,
    startYear: options.startYear,
    horizonYears: options.horizonYears,
    patients: options.patients,
    uniqueQuasiIdentifiers: options.uniqueQuasiIdentifiers,
    withEd: options.withEd,
    withIp: options.withIp,
  };
}
