export type { FixtureValue } from './column-data.js';
export {
  type FixtureDataset,
  type FixtureTable,
  fixtureDataset,
} from './fixture-dataset.js';
export type { FixtureDatasetOptions } from './fixture-dataset-options.js';
export { fixtureRunMetadata } from './fixture-run-metadata.js';
