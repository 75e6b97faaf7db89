import { describe, expect, it } from 'vitest';
import { parseServerVersion } from './server-version.js';

describe('parseServerVersion', () => {
  it.each([
    ['8.0.36', { flavor: 'mysql', version: '8.0.36' }],
    ['8.4.2-commercial', { flavor: 'mysql', version: '8.4.2' }],
    ['10.11.19-MariaDB-0+deb12u1', { flavor: 'mariadb', version: '10.11.19' }],
    ['11.4.3-MariaDB', { flavor: 'mariadb', version: '11.4.3' }],
  ])('reads %s', (text, expected) => {
    expect(parseServerVersion(text)).toEqual(expected);
  });

  it.each([
    ['5.7.44-log', /MySQL 5\.7\.44 is not supported/],
    ['10.5.23-MariaDB', /MariaDB 10\.5\.23 is not supported/],
    ['banana', /cannot read the server version/],
  ])('refuses %s', (text, message) => {
    expect(() => parseServerVersion(text)).toThrow(message);
  });
});
