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
