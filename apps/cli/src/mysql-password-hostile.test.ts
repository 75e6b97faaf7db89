import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCli } from './create-cli.js';
import { runCli } from './test-run-cli.js';

// A password no message could contain by chance, with the characters that break naive redaction.
const MARKER = 'Zq9Mark3rPw';
const AT_MARKER = `p@${MARKER}`;
const FORMS = [MARKER, encodeURIComponent(AT_MARKER)];

const LIVE = '127.0.0.1:3306';
const REFUSED = '127.0.0.1:1';
const database = `lm_hostile_${process.pid}`;
// Fixed paths: the cases are listed before beforeAll runs.
const dir = join(tmpdir(), `lm-synth-hostile-pw-${process.pid}`);
const caFile = join(dir, 'ca.pem');
const home = join(dir, 'home');

beforeAll(async () => {
  await mkdir(home, { recursive: true });
  await writeFile(caFile, '-----BEGIN CERTIFICATE-----\nnot a certificate\n');
  await writeFile(join(home, '.my.cnf'), `[client]\npassword=${MARKER}\n`, { mode: 0o600 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Case = readonly [name: string, args: string[], env: Record<string, string>];

/** Every way a failing MySQL command could have seen the password, for one command prefix. */
function connectionCases(command: string[]): Case[] {
  const urlEnv = (url: string) => ({ LM_SYNTH_MYSQL_URL: url });
  const pw = { LM_SYNTH_MYSQL_PASSWORD: MARKER };
  const flag = command[0] === 'serve' ? '--mysql' : command[0] === 'generate' ? '--mysql' : '--url';
  const viaFlag = (url: string): string[] => [...command, flag, url];
  // serve and generate take the URL only from their flag; load also from LM_SYNTH_MYSQL_URL.
  const viaEnv = (url: string): [string[], Record<string, string>] =>
    flag === '--url' ? [command, urlEnv(url)] : [viaFlag(url), {}];
  const cases: Case[] = [
    ['mariadb scheme', viaFlag(`mariadb://root:${MARKER}@${LIVE}/${database}`), {}],
    ['postgres scheme', viaFlag(`postgres://root:${MARKER}@${LIVE}/${database}`), {}],
    ['one slash', viaFlag(`mysql:/root:${MARKER}@${LIVE}/${database}`), {}],
    ['no slash', viaFlag(`mysql:root:${MARKER}@${LIVE}/${database}`), {}],
    ['password in the flag', viaFlag(`mysql://root:${MARKER}@${LIVE}/${database}`), {}],
    ['@ in the password', viaFlag(`mysql://root:${AT_MARKER}@${LIVE}/${database}`), {}],
    ['space in the password', viaFlag(`mysql://root:a ${MARKER}@${LIVE}/${database}`), {}],
    ['no host', viaFlag(`mysql://root:${MARKER}`), {}],
    ['bad port', viaFlag(`mysql://root:${MARKER}@127.0.0.1:port/${database}`), {}],
    ['bad database name', viaFlag(`mysql://root:${MARKER}@${LIVE}/bad\`name`), {}],
    ['bad ssl-mode', viaFlag(`mysql://root:${MARKER}@${LIVE}/${database}?ssl-mode=maybe`), {}],
    ['password in the environment, refused', viaFlag(`mysql://root@${REFUSED}/${database}`), pw],
    ['password in the environment, denied', viaFlag(`mysql://root@${LIVE}/${database}`), pw],
    ['MYSQL_PWD, denied', viaFlag(`mysql://root@${LIVE}/${database}`), { MYSQL_PWD: AT_MARKER }],
    ['~/.my.cnf, denied', viaFlag(`mysql://root@${LIVE}/${database}`), { HOME: home }],
    [
      'bad host',
      viaFlag(`mysql://root@no-such-host.invalid/${database}`),
      { LM_SYNTH_MYSQL_PASSWORD: AT_MARKER },
    ],
    [
      'TLS required by a server without TLS',
      viaFlag(`mysql://root@${LIVE}/${database}?ssl-mode=VERIFY_IDENTITY`),
      pw,
    ],
    [
      'unknown flag after the URL',
      [...viaFlag(`mysql://root:${MARKER}@${LIVE}/db`), '--bogus'],
      {},
    ],
    ['stray argument after the URL', [...viaFlag(`mysql://root:${MARKER}@h/db`), 'extra'], {}],
  ];
  const [envArgs, envOnly] = viaEnv(`mysql://root:${AT_MARKER}@${REFUSED}/${database}`);
  const [deniedArgs, deniedEnv] = viaEnv(`mysql://root:${MARKER}@${LIVE}/${database}`);
  const [schemeArgs, schemeEnv] = viaEnv(`mariadb://root:${MARKER}@${LIVE}/${database}`);
  cases.push(
    ['password in the URL, refused', envArgs, envOnly],
    ['password in the URL, denied', deniedArgs, deniedEnv],
    ['password in the URL, bad scheme', schemeArgs, schemeEnv],
  );
  if (command[0] !== 'serve') {
    const [tlsArgs, tlsEnv] = viaEnv(`mysql://root:${MARKER}@${LIVE}/${database}`);
    const [offArgs, offEnv] = viaEnv(
      `mysql://root:${MARKER}@${LIVE}/${database}?ssl-mode=DISABLED`,
    );
    cases.push(
      ['unreadable --tls-ca', [...tlsArgs, '--tls-ca', join(dir, 'missing.pem')], tlsEnv],
      ['--tls-ca with --insecure-tls', [...tlsArgs, '--tls-ca', caFile, '--insecure-tls'], tlsEnv],
      ['ssl-mode=DISABLED with --insecure-tls', [...offArgs, '--insecure-tls'], offEnv],
      ['a CA that is no certificate', [...tlsArgs, '--tls-ca', caFile], tlsEnv],
    );
  }
  return cases;
}

const COMMANDS: string[][] = [
  ['load', '--in', join(tmpdir(), 'lm-synth-hostile-no-such-dataset')],
  ['load', '--verify-only'],
  ['generate', '--patients', '20', '--years', '1'],
  ['serve', '--port', '0'],
];

describe('no MySQL password ever reaches the output', () => {
  for (const command of COMMANDS) {
    describe(command.join(' '), () => {
      it.each(connectionCases(command))('%s', async (_, args, env) => {
        const result = await runCli(args, env);
        const output = result.stdout + result.stderr;
        for (const form of FORMS) expect(output).not.toContain(form);
        expect(result.code).toBe(2);
        expect(output).not.toMatch(/^\s+at /m);
      });
    });
  }
});

describe('the CLI error printer', () => {
  it('masks passwords in messages it did not write (a crash, a parse error)', () => {
    const cli = createCli();
    const printed = cli.error(new Error(`driver said mariadb://root:${MARKER}@h/db: boom`));
    expect(printed).toContain('mariadb://root:***@h/db');
    expect(printed).not.toContain(MARKER);
  });
});
