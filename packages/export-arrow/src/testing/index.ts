export type { FixtureValue } from './column-data.js';
export {
  type FixtureDatasetOptions,
  type FixtureTable,
  fixtureDataset,
} from './fixture-dataset.js';
export { fixtureRunMetadata } from './fixture-run-metadata.js';
