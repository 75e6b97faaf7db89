export {
  arrowSchema,
  DESCRIPTION_METADATA_KEY,
  LOGICAL_TYPE_METADATA_KEY,
} from './arrow-schema.js';
export { CATALOGUE } from './catalogue.js';
export { t } from './logical-types.js';
export { tableByName } from './table-by-name.js';
export type {
  ColumnDefinition,
  ForeignKeyDefinition,
  IndexDefinition,
  LogicalType,
  TableDefinition,
  TableRole,
} from './table-definition.js';
