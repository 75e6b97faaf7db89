export { edFacilityShares } from './ed-facility-shares.js';
export { generateDataset } from './generate-dataset.js';
export { generateInMemory } from './generate-in-memory.js';
export type { GenerateOptions, ResolvedGenerateOptions } from './generate-options.js';
export { GeneratorInputError } from './generator-input-error.js';
export { LocalClock } from './local-clock.js';
export { type DatasetPlan, planDataset } from './plan-dataset.js';
export type { QuasiIdentifierCapacity } from './quasi-identifier-capacity.js';
export type { TableBatches } from './table-batches.js';
