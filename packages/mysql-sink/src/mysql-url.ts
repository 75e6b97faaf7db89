import { MysqlInputError } from './mysql-input-error.js';
import { redact } from './redact.js';

/** How the connection is encrypted: MySQL's ssl-mode names, lower-cased. */
export type TlsMode = 'disabled' | 'required' | 'verify-identity';

/** Where to load: a parsed `mysql://user@host:port/database` URL. */
export interface MysqlTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** Only when the URL was allowed to carry one (it came from the environment or a library caller). */
  readonly password?: string;
  /** From `?ssl-mode=`; undefined leaves the choice to the TLS flags. */
  readonly tlsMode?: TlsMode;
}

const DEFAULT_PORT = 3306;
const DEFAULT_DATABASE = 'lm_synth';
// Names we quote ourselves; a backtick or slash in a database name is never wanted here.
const DATABASE_NAME = /^[A-Za-z0-9_$-]{1,64}$/;
const TLS_MODES: Record<string, TlsMode> = {
  DISABLED: 'disabled',
  REQUIRED: 'required',
  VERIFY_IDENTITY: 'verify-identity',
};

/**
 * Parses `mysql://user@host[:port][/database][?ssl-mode=REQUIRED]`. A password
 * in the URL is refused unless `passwordAllowed`: on a command line it would be
 * visible to every user of the machine.
 */
export function parseMysqlUrl(url: string, options: { passwordAllowed: boolean }): MysqlTarget {
  // Whitespace ends a URL for redact(), so a password after a space could be printed: name no URL.
  if (/[\s\p{Cc}]/u.test(url)) {
    throw new MysqlInputError(
      'the MySQL URL contains whitespace or control characters; percent-encode them (expected mysql://user@host:3306/database)',
    );
  }
  // Without `scheme://` what follows is no authority redact() could find a password in.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new MysqlInputError('not a mysql:// URL (expected mysql://user@host:3306/database)');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MysqlInputError(
      `not a valid MySQL URL: "${redact(url)}" (expected mysql://user@host:3306/database)`,
    );
  }
  const shown = redact(url);
  if (parsed.protocol !== 'mysql:') {
    throw new MysqlInputError(
      `not a mysql:// URL: "${shown}" (expected mysql://user@host:3306/database)`,
    );
  }
  if (parsed.password !== '' && !options.passwordAllowed) {
    throw new MysqlInputError(
      'the MySQL URL contains a password, which would be visible to other users in the process list; ' +
        'remove it from the URL and set LM_SYNTH_MYSQL_PASSWORD (or MYSQL_PWD) instead',
    );
  }
  const user = decodeURIComponent(parsed.username);
  if (user === '')
    throw new MysqlInputError(`the MySQL URL "${shown}" names no user (mysql://user@host/...)`);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new MysqlInputError(`the MySQL URL "${shown}" names no host`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || DEFAULT_DATABASE;
  if (!DATABASE_NAME.test(database)) {
    throw new MysqlInputError(
      `database name "${database}" in the MySQL URL must be 1-64 letters, digits, "_", "$" or "-"`,
    );
  }
  let tlsMode: TlsMode | undefined;
  for (const [key, value] of parsed.searchParams) {
    if (key !== 'ssl-mode') {
      throw new MysqlInputError(`unknown MySQL URL parameter "${key}" (supported: ssl-mode)`);
    }
    tlsMode = TLS_MODES[value.toUpperCase()];
    if (!tlsMode) {
      throw new MysqlInputError(
        `ssl-mode must be one of ${Object.keys(TLS_MODES).join(', ')}, not "${value}"`,
      );
    }
  }
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  return {
    host,
    port: parsed.port === '' ? DEFAULT_PORT : Number(parsed.port),
    user,
    database,
    ...(password === undefined ? {} : { password }),
    ...(tlsMode === undefined ? {} : { tlsMode }),
  };
}
