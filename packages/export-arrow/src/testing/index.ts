export type { FixtureValue } from './column-data.js';
export {
  type FixtureDataset,
  type FixtureDatasetOptions,
  type FixtureTable,
  fixtureDataset,
} from './fixture-dataset.js';
export { fixtureRunMetadata } from './fixture-run-metadata.js';
