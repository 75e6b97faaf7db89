import { LOCAL_INFILE_HINT } from './local-infile-hint.js';
import { MysqlInputError } from './mysql-input-error.js';
import { redact } from './redact.js';

export interface ErrorContext {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** Secrets to mask in every message. */
  readonly secrets: readonly string[];
  /** What we were doing, e.g. "loading patients". */
  readonly doing?: string;
}

interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  message?: string;
}

const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running on that port?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'PROTOCOL_CONNECTION_LOST']);
const TLS_VERIFY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
// ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_SPECIFIC_ACCESS_DENIED_ERROR, ER_PROCACCESS_DENIED_ERROR
const PRIVILEGE_ERRNOS = new Set([1142, 1143, 1227, 1370]);
// MariaDB (4166), MySQL 8 (3948) and older servers (1148) refuse LOCAL INFILE with these.
const LOCAL_INFILE_ERRNOS = new Set([4166, 3948, 1148]);
const ER_ACCESS_DENIED = 1045;
const ER_DBACCESS_DENIED = 1044;
const ER_PARSE_ERROR = 1064;

/**
 * A driver or server error as a one-line, redacted MysqlInputError that says
 * what to do. Errors that are ours (a SQL syntax error is a bug) are returned
 * unchanged, with their message redacted.
 */
export function mysqlError(error: unknown, context: ErrorContext): Error {
  const clean = (text: string) => redact(text, context.secrets);
  if (error instanceof MysqlInputError) return error;
  if (!(error instanceof Error)) return new Error(clean(String(error)));
  const driver = error as DriverError;
  const where = `${context.host}:${context.port}`;
  const doing = context.doing ? `${context.doing}: ` : '';
  const serverText = clean(driver.sqlMessage ?? error.message);
  const wrap = (message: string) => new MysqlInputError(clean(message), { cause: error });

  const connectFailure = driver.code ? CONNECT_FAILURES[driver.code] : undefined;
  if (connectFailure) return wrap(`cannot connect to ${where}: ${connectFailure}`);
  if (driver.code && CONNECTION_LOST.has(driver.code)) {
    return wrap(`${doing}lost the connection to ${where} (${driver.code})`);
  }
  if (driver.code === 'HANDSHAKE_NO_SSL_SUPPORT') {
    return wrap(
      `${where} does not offer TLS; drop --tls-ca, --insecure-tls and ssl-mode to connect without it`,
    );
  }
  if (driver.code && TLS_VERIFY.has(driver.code)) {
    return wrap(
      `the TLS certificate of ${where} could not be verified (${driver.code}); pass --tls-ca FILE with the CA that signed it, or --insecure-tls on a network you trust`,
    );
  }
  if (driver.errno === ER_ACCESS_DENIED) {
    const account =
      /for user ('[^']*'@'[^']*')/.exec(serverText)?.[1] ?? `'${context.user}'@'${context.host}'`;
    return wrap(
      `access denied for user ${account} (check LM_SYNTH_MYSQL_PASSWORD, MYSQL_PWD or the [client] password in ~/.my.cnf)`,
    );
  }
  if (driver.errno === ER_DBACCESS_DENIED) {
    return wrap(`${doing}no access to database ${context.database}: ${serverText}`);
  }
  if (driver.errno !== undefined && PRIVILEGE_ERRNOS.has(driver.errno)) {
    return wrap(
      `${doing}missing privilege: ${serverText}. lm-synth load needs SELECT, INSERT, CREATE, DROP, ALTER, INDEX and REFERENCES on ${context.database}`,
    );
  }
  if (driver.errno !== undefined && LOCAL_INFILE_ERRNOS.has(driver.errno)) {
    return wrap(
      `${doing}the server refuses LOAD DATA LOCAL INFILE (local_infile is OFF); ${LOCAL_INFILE_HINT}, or load with --method insert`,
    );
  }
  if (driver.errno === ER_PARSE_ERROR || driver.sqlMessage === undefined) {
    error.message = clean(error.message);
    return error;
  }
  return wrap(`${doing}${serverText}`);
}
