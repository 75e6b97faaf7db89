import type { Scenario } from '@lm-synth/config/core';
import type { TableBatches } from '@lm-synth/dims';
import { DatasetRun } from './dataset-run.js';
import type { GenerateOptions } from './generate-options.js';
import type { GeneratedDataset } from './generated-dataset.js';
import { type DatasetPlan, planDataset } from './plan-dataset.js';
import { runMetadata } from './run-metadata.js';

/**
 * Streams every table of the dataset in catalogue order (ed_encounters only
 * with withEd; ip_stays and capacity_daily only with withIp), each as Arrow
 * record batches of `batchSize` rows with the catalogue's explicit schema.
 * Read the tables in order and drain each one's batches before asking for the
 * next. Options are checked first (planDataset): bad ones throw a
 * GeneratorInputError here, before any row is produced. Pass a plan from
 * planDataset instead of a scenario and options to generate exactly it
 * without planning again.
 *
 * The stream carries its plan, the run metadata and the scenario, which the
 * writers and the loader take from it. It can be read once.
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
export function generateDataset(plan: DatasetPlan): GeneratedDataset;
export function generateDataset(scenario: Scenario, options?: GenerateOptions): GeneratedDataset;
export function generateDataset(
  scenarioOrPlan: Scenario | DatasetPlan,
  options: GenerateOptions = {},
): GeneratedDataset {
  const plan = isPlan(scenarioOrPlan) ? scenarioOrPlan : planDataset(scenarioOrPlan, options);
  const run = new DatasetRun(plan);
  run.start();
  let tables: AsyncGenerator<TableBatches> | undefined = run.tables();
  return {
    plan,
    run: runMetadata(plan),
    scenario: plan.scenario,
    [Symbol.asyncIterator]() {
      if (tables === undefined) throw new Error('a generated dataset can be read only once');
      const once = tables;
      tables = undefined;
      return once;
    },
  };
}

function isPlan(value: Scenario | DatasetPlan): value is DatasetPlan {
  return 'options' in value && 'cohort' in value;
}
