import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePassword } from './resolve-password.js';

describe('resolvePassword', () => {
  let home: string;
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'lm-synth-password-'));
    warnings.length = 0;
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('prefers LM_SYNTH_MYSQL_PASSWORD, then MYSQL_PWD', async () => {
    await writeFile(join(home, '.my.cnf'), '[client]\npassword=fromfile\n', { mode: 0o600 });
    expect(
      await resolvePassword({
        env: { HOME: home, LM_SYNTH_MYSQL_PASSWORD: 'a', MYSQL_PWD: 'b' },
        warn,
      }),
    ).toEqual({ password: 'a', source: 'LM_SYNTH_MYSQL_PASSWORD' });
    expect(await resolvePassword({ env: { HOME: home, MYSQL_PWD: 'b' }, warn })).toEqual({
      password: 'b',
      source: 'MYSQL_PWD',
    });
    expect(await resolvePassword({ env: { HOME: home }, warn })).toEqual({
      password: 'fromfile',
      source: 'option file',
    });
    expect(warnings).toEqual([]);
  });

  it('reads only the [client] group, with quotes, escapes and comments', async () => {
    const file = join(home, 'opts.cnf');
    await writeFile(
      file,
      [
        '# comment',
        '[mysqld]',
        'password=server-side',
        '[client]',
        'user = loader',
        'password = "with # hash and spaces"',
        '[mysqldump]',
        'password=dump',
      ].join('\n'),
      { mode: 0o600 },
    );
    expect((await resolvePassword({ env: {}, optionFile: file, warn })).password).toBe(
      'with # hash and spaces',
    );
    await writeFile(file, '[client]\npassword=back\\\\slash\\s ; trailing comment\n');
    expect((await resolvePassword({ env: {}, optionFile: file, warn })).password).toBe(
      'back\\slash ',
    );
  });

  it('warns, without the password, when the option file is readable by others', async () => {
    const file = join(home, '.my.cnf');
    await writeFile(file, '[client]\npassword=topsecret\n');
    await chmod(file, 0o644);
    expect((await resolvePassword({ env: { HOME: home }, warn })).password).toBe('topsecret');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/readable by other users \(mode 0644\); run chmod 600/);
    expect(warnings[0]).not.toContain('topsecret');
  });

  it('reports no password when nothing provides one', async () => {
    expect(await resolvePassword({ env: { HOME: home }, warn })).toEqual({ source: 'none' });
    expect(await resolvePassword({ env: {}, warn })).toEqual({ source: 'none' });
  });
});
