export { type CleanResult, cleanDataset } from './clean-dataset.js';
export type { DamagedResource } from './damaged-resources.js';
export { DATASET_FILES } from './dataset-files.js';
export { duckdbColumnType } from './duckdb/duckdb-column-type.js';
export { quoteIdentifier } from './duckdb/quote-identifier.js';
export { quoteLiteral } from './duckdb/quote-literal.js';
export { ExportInputError } from './export-input-error.js';
export { FORMATS_BY_PREFERENCE } from './formats-by-preference.js';
export type {
  DatasetManifest,
  ManifestField,
  ManifestResource,
} from './manifest/dataset-manifest.js';
export { readManifest } from './manifest/read-manifest.js';
export {
  type CompanionCheck,
  type DatasetCheck,
  type ResourceCheck,
  type ResourceStatus,
  verifyDataset,
} from './manifest/verify-dataset.js';
export { type Dataset, type OpenDatasetOptions, openDataset } from './open-dataset.js';
export { type DatasetScenario, readDatasetScenario } from './read-dataset-scenario.js';
export { SYNTHETIC_NOTICE } from './synthetic-notice.js';
export { writeDataset } from './write-dataset.js';
export type {
  OutputFormat,
  PartitionColumn,
  TableSummary,
  WriteDatasetOptions,
  WriteProgressEvent,
  WriteSummary,
} from './write-dataset-types.js';
