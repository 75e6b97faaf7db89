export {
  arrowSchema,
  DESCRIPTION_METADATA_KEY,
  LOGICAL_TYPE_METADATA_KEY,
} from './arrow-schema.js';
export { buildDimAgeGroup, type DimAgeGroupColumns } from './build-dim-age-group.js';
export { buildDimDate, type DimDateColumns } from './build-dim-date.js';
export { buildDimGender, type DimGenderColumns } from './build-dim-gender.js';
export { buildDimLha, type DimLhaColumns } from './build-dim-lha.js';
export { buildDimProgram, type DimProgramColumns } from './build-dim-program.js';
export { buildDimScenario, type DimScenarioColumns } from './build-dim-scenario.js';
export { buildDimSite, type DimSiteColumns } from './build-dim-site.js';
export { buildDimSubprogram, type DimSubprogramColumns } from './build-dim-subprogram.js';
export { buildDimensionTables, type DimensionTables } from './build-dimension-tables.js';
export { CATALOGUE } from './catalogue.js';
export { catalogueMarkdown } from './catalogue-markdown.js';
export { cataloguePosition } from './catalogue-position.js';
export { civilFromDays } from './civil-from-days.js';
export type { DatasetStream } from './dataset-stream.js';
export { edProjectionSql } from './ed-projection-sql.js';
export { edRoutedProjectionSql } from './ed-routed-projection-sql.js';
export { t } from './logical-types.js';
export { type RateKind, type RateViewOptions, rateViewSql } from './rate-view-sql.js';
export type { RunMetadata } from './run-metadata.js';
export type { TableBatches } from './table-batches.js';
export { tableByName } from './table-by-name.js';
export type {
  ColumnDefinition,
  ForeignKeyDefinition,
  IndexDefinition,
  LogicalType,
  TableDefinition,
  TableRole,
} from './table-definition.js';
