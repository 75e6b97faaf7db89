import type { Scenario } from '@lm-synth/config/core';
import type { RunMetadata, TableBatches } from '@lm-synth/dims';
import type { DatasetPlan } from './plan-dataset.js';

/**
 * What generateDataset returns: the tables as a stream (read once, in order) that carries
 * its resolved plan, the run metadata the manifest records and the scenario the rows come
 * from. Hand it to writeDataset or loadDataset as it is.
 */
export interface GeneratedDataset extends AsyncIterable<TableBatches> {
  readonly plan: DatasetPlan;
  readonly run: RunMetadata;
  /** plan.scenario: the scenario with the run's start year and horizon applied. */
  readonly scenario: Scenario;
}
