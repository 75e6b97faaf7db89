export type { ApiApp } from './api-app.js';
export { ApiInputError } from './api-input-error.js';
export { API_VERSION } from './api-version.js';
export { type ApiServerOptions, createApiServer } from './create-api-server.js';
export type {
  DataSource,
  JsonRow,
  JsonValue,
  ResultColumn,
  SqlDialect,
  SqlParameter,
} from './data-source.js';
export { openDuckdbSource } from './open-duckdb-source.js';
export { type MysqlSourceOptions, openMysqlSource } from './open-mysql-source.js';
export type { Problem } from './problem.js';
export type { ValidationTarget } from './register-validation-route.js';
