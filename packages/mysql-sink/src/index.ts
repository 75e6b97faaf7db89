export { datasetDdl } from './dataset-ddl.js';
export { loadDataset } from './load-dataset.js';
export type { LoadMethod, LoadMode, LoadOptions } from './load-options.js';
export type { LoadReport } from './load-report.js';
export type { MysqlConnectionOptions } from './mysql-connection-options.js';
export { MysqlInputError } from './mysql-input-error.js';
export { type MysqlTarget, parseMysqlUrl, type TlsMode } from './mysql-url.js';
export { quoteIdentifier as quoteMysqlIdentifier } from './quote-identifier.js';
export { redact } from './redact.js';
export {
  type PasswordSource,
  type ResolvedPassword,
  type ResolvePasswordOptions,
  resolvePassword,
} from './resolve-password.js';
export type { ServerInfo } from './server-info.js';
export type { ServerFlavor } from './server-version.js';
export type { VerificationReport } from './verification-report.js';
export { type VerifyDatabaseOptions, verifyDatabase } from './verify-database.js';
