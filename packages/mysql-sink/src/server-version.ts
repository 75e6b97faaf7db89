import { MysqlInputError } from './mysql-input-error.js';

export type ServerFlavor = 'mysql' | 'mariadb';

export interface ServerVersion {
  readonly flavor: ServerFlavor;
  /** e.g. "8.0.36" or "10.11.19". */
  readonly version: string;
}

const MINIMUM: Record<ServerFlavor, readonly [number, number]> = {
  mysql: [8, 0],
  mariadb: [10, 6],
};

/**
 * Reads `SELECT VERSION()` ("8.0.36", "10.11.19-MariaDB-0+deb12u1") and refuses
 * servers older than MySQL 8.0 or MariaDB 10.6, whose DDL and collations differ.
 */
export function parseServerVersion(versionString: string): ServerVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(versionString);
  if (!match) throw new MysqlInputError(`cannot read the server version "${versionString}"`);
  const flavor: ServerFlavor = /mariadb/i.test(versionString) ? 'mariadb' : 'mysql';
  const major = Number(match[1]);
  const minor = Number(match[2]);
  const [minMajor, minMinor] = MINIMUM[flavor];
  const version = `${major}.${minor}.${match[3]}`;
  if (major < minMajor || (major === minMajor && minor < minMinor)) {
    const name = flavor === 'mysql' ? 'MySQL' : 'MariaDB';
    throw new MysqlInputError(
      `${name} ${version} is not supported; lm-synth load needs MySQL 8.0+ or MariaDB 10.6+`,
    );
  }
  return { flavor, version };
}
