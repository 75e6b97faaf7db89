import { describe, expect, it } from 'vitest';
import { isAllowedHost } from './is-allowed-host.js';

const NONE = new Set<string>();

describe('isAllowedHost', () => {
  it('admits loopback names on a loopback address, with or without a port', () => {
    for (const host of [
      'localhost',
      'LOCALHOST:8000',
      'localhost.:8000',
      'app.localhost:8000',
      '127.0.0.1:8000',
      '127.1.2.3',
      '[::1]:8000',
    ]) {
      expect(isAllowedHost('127.0.0.1', host, NONE), host).toBe(true);
    }
  });

  it('refuses other names on a loopback address, unless allowed', () => {
    for (const host of ['rebound.example', 'localhost.example', '127.0.0.1.nip.io', '', 'a:b:c']) {
      expect(isAllowedHost('::ffff:127.0.0.1', host, NONE), host).toBe(false);
    }
    expect(isAllowedHost('::1', undefined, NONE)).toBe(false);
    expect(isAllowedHost('::1', 'Proxy.example:443', new Set(['proxy.example']))).toBe(true);
  });

  it('checks nothing on other addresses', () => {
    expect(isAllowedHost('10.0.0.5', 'anything.example', NONE)).toBe(true);
  });
});
