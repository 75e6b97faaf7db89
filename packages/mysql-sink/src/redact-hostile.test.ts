import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMysqlUrl } from './mysql-url.js';
import { redact } from './redact.js';

// A marker no message could contain by chance; each URL below hides it somewhere a password could be.
const MARKER = 'Zq9MarkerPw';

const HOSTILE_URLS = [
  `mariadb://loader:${MARKER}@db.example/lm`,
  `postgres://loader:${MARKER}@db.example/lm`,
  `MySQL://loader:${MARKER}@db.example/lm`,
  `mysql:/loader:${MARKER}@db.example/lm`,
  `mysql:loader:${MARKER}@db.example/lm`,
  `mysql:///loader:${MARKER}@db.example/lm`,
  `mysql://loader:${MARKER}@@db.example/lm`,
  `mysql://loader:p@${MARKER}@db.example/lm`,
  `mysql://loader:${MARKER}@x@db.example/lm`,
  `mysql://loader:${MARKER}@db.example:port/lm`,
  `mysql://loader:${MARKER}@[::1/lm`,
  `mysql://loader:${MARKER}`,
  `mysql://loader:${MARKER}@db.example/bad\`name`,
  `mysql://loader:${MARKER}@db.example/lm?sslmode=on`,
  `mysql://loader:${MARKER}@db.example/lm?ssl-mode=sometimes`,
  `mysql://:${MARKER}@db.example/lm`,
  `mysql://loader:${MARKER}@/lm`,
  `mysql://loader:a/${MARKER}@db.example/lm`,
  `mysql://loader:a?${MARKER}@db.example/lm`,
  `mysql://loader:a#${MARKER}@db.example/lm`,
  `mysql://loader:"${MARKER}"@db.example/lm`,
  `mysql://loader:${encodeURIComponent(`p@${MARKER}`)}@db.example/lm`,
];
// In free text a space ends a URL, and `a:b:c` without slashes or '@' is no URL (it is a
// position, a Windows path, a key:value), so only the parser keeps these safe: it never echoes them.
const PARSER_ONLY_URLS = [
  `mysql:loader:${MARKER}`,
  `mysql:/loader:${MARKER}`,
  `mysql://loader:my ${MARKER}@db.example/lm`,
  `mysql://loader:${MARKER} x@db.example/lm`,
  `mysql://loader:\t${MARKER}@db.example/lm`,
];

describe('redact and parseMysqlUrl against hostile URLs', () => {
  it.each(HOSTILE_URLS)('never print the password of %s', (url) => {
    expect(redact(`cannot use ${url} (expected mysql://user@host)`)).not.toContain(MARKER);
    expect(parseFailure(url)).not.toContain(MARKER);
  });

  it.each(PARSER_ONLY_URLS)('parseMysqlUrl never echoes %s', (url) => {
    expect(parseFailure(url)).toMatch(/whitespace|expected mysql:\/\//);
    expect(parseFailure(url)).not.toContain(MARKER);
  });

  function parseFailure(url: string): string {
    let messages = '';
    for (const passwordAllowed of [true, false]) {
      try {
        parseMysqlUrl(url, { passwordAllowed });
      } catch (error) {
        messages += (error as Error).message;
      }
    }
    return messages;
  }

  it('keeps the user, host and database readable', () => {
    expect(redact('mariadb://loader:secret@db.example:3306/lm')).toBe(
      'mariadb://loader:***@db.example:3306/lm',
    );
    expect(redact('mysql://loader:p@ss@db.example/lm')).toBe('mysql://loader:***@db.example/lm');
    expect(redact('mysql://loader@db.example:3306/lm')).toBe('mysql://loader@db.example:3306/lm');
    expect(redact('mysql://root@[::1]:3306/lm')).toBe('mysql://root@[::1]:3306/lm');
  });

  it('leaves ordinary messages alone', () => {
    for (const text of [
      'cannot connect to 127.0.0.1:3306: connection refused',
      "access denied for user 'loader'@'10.0.0.5'",
      'at file:///srv/app/dist/bin.js:12:5',
      'sha256:0f00 at 2025-01-01T10:00:00Z',
      'configs/overlay.yaml:12:3: unknown key "sede"; did you mean "seed"?',
      '/home/analyst/scenario.yaml:4:17: expected a number',
      'at C:\\lm\\dist\\bin.js:1:2',
      'key:value:other',
      'see http://db.example:8080/status',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('masks any password in any URL-like text', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,8}$/);
    const slashes = fc.constantFrom('', '/', '//', '///');
    const user = fc.stringMatching(/^[A-Za-z0-9_.-]{0,8}$/);
    const tail = fc.stringMatching(/^[A-Za-z0-9@:/?#.-]{0,16}$/);
    fc.assert(
      fc.property(scheme, slashes, user, tail, tail, (s, sl, u, before, after) => {
        const url = `${s}:${sl}${u}:${before}${MARKER}${after}@db.example/lm`;
        expect(redact(`oops "${url}" failed`)).not.toContain(MARKER);
      }),
    );
  });
});
