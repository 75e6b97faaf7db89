import type { Scenario } from '@lm-synth/config';
import { DatasetRun } from './dataset-run.js';
import type { GenerateOptions } from './generate-options.js';
import { planDataset } from './plan-dataset.js';
import type { TableBatches } from './table-batches.js';

/**
 * Streams every table of the dataset in catalogue order (ed_encounters only
 * with withEd; ip_stays and capacity_daily only with withIp), each as Arrow
 * record batches of `batchSize` rows with the catalogue's explicit schema.
 * Read the tables in order and drain each one's batches before asking for the
 * next. Options are checked first (planDataset): bad ones throw a
 * GeneratorInputError here, before any row is produced.
 *
 * Rows depend only on the scenario, the seed and the options that shape them;
 * never on `workers` or `batchSize`.
 */
export function generateDataset(
  scenario: Scenario,
  options: GenerateOptions = {},
): AsyncIterable<TableBatches> {
  const plan = planDataset(scenario, options);
  return new DatasetRun(plan).tables();
}
