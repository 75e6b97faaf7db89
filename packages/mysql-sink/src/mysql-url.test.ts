import { describe, expect, it } from 'vitest';
import { parseMysqlUrl } from './mysql-url.js';

const strict = { passwordAllowed: false };

describe('parseMysqlUrl', () => {
  it('reads user, host, port and database', () => {
    expect(parseMysqlUrl('mysql://loader@db.example:3307/lm_test', strict)).toEqual({
      host: 'db.example',
      port: 3307,
      user: 'loader',
      database: 'lm_test',
    });
  });

  it('defaults the port to 3306 and the database to lm_synth, and unwraps IPv6 hosts', () => {
    expect(parseMysqlUrl('mysql://root@[::1]', strict)).toEqual({
      host: '::1',
      port: 3306,
      user: 'root',
      database: 'lm_synth',
    });
  });

  it('reads ssl-mode', () => {
    expect(parseMysqlUrl('mysql://u@h/db?ssl-mode=verify_identity', strict).tlsMode).toBe(
      'verify-identity',
    );
  });

  it('refuses a password unless allowed, without echoing it', () => {
    const url = 'mysql://loader:hunter2@db.example/lm';
    expect(() => parseMysqlUrl(url, strict)).toThrow(/LM_SYNTH_MYSQL_PASSWORD/);
    try {
      parseMysqlUrl(url, strict);
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as { isInputError?: boolean }).isInputError).toBe(true);
    }
    expect(
      parseMysqlUrl('mysql://loader:p%40ss@db.example/lm', { passwordAllowed: true }),
    ).toMatchObject({
      password: 'p@ss',
    });
  });

  it.each([
    ['postgres://u@h/db', /not a mysql:\/\/ URL/],
    ['not-a-url', /not a mysql:\/\/ URL/],
    ['mysql://u@[::1/db', /not a valid MySQL URL/],
    ['not a url', /contains whitespace/],
    ['mysql://h/db', /names no user/],
    ['mysql://u@h/bad`name', /database name/],
    ['mysql://u@h/db?sslmode=on', /unknown MySQL URL parameter "sslmode"/],
    ['mysql://u@h/db?ssl-mode=sometimes', /ssl-mode must be one of/],
  ])('rejects %s', (url, message) => {
    expect(() => parseMysqlUrl(url, strict)).toThrow(message);
  });

  it('never echoes a password in its errors', () => {
    expect(() => parseMysqlUrl('mysql://u:hunter2@h/bad`name', { passwordAllowed: true })).toThrow(
      /^(?!.*hunter2)/,
    );
  });
});
