import type { Scenario } from '@lm-synth/config/core';
import type { RunMetadata } from './run-metadata.js';
import type { TableBatches } from './table-batches.js';

/**
 * A dataset on its way from a generator to a writer or loader: the tables in catalogue
 * order, with what produced them. `generateDataset` returns one; `writeDataset` and
 * `loadDataset` take the run metadata (and the scenario, written as scenario.yaml) from it.
 */
export type DatasetStream = (AsyncIterable<TableBatches> | Iterable<TableBatches>) & {
  readonly run: RunMetadata;
  /** The scenario the rows come from, with the run's start year and horizon applied. */
  readonly scenario?: Scenario;
};
