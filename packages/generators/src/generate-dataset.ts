import type { Scenario } from '@lm-synth/config/core';
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
 * With worker threads (see DatasetPlan.threads), generation starts at once,
 * so the first table's rows are being made while the caller gets ready to
 * read them (a bounded look-ahead: if nothing is read, the threads stop after
 * it and do not keep the process alive); they end when the tables have been
 * read or the iteration is abandoned with `return` or `break`.
 *
 * Rows depend only on the scenario, the seed and the options that shape them;
 * never on `workers` or `batchSize`.
 */
export function generateDataset(
  scenario: Scenario,
  options: GenerateOptions = {},
): AsyncIterable<TableBatches> {
  const plan = planDataset(scenario, options);
  const run = new DatasetRun(plan);
  run.start();
  return run.tables();
}
