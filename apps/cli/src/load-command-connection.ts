import { readFile } from 'node:fs/promises';
import type { MysqlConnectionOptions } from '@lm-synth/mysql-sink';
import { type BaseContext, UsageError } from 'clipanion';
import { promptPassword } from './load-command-password-prompt.js';

export interface MysqlFlags {
  /** --url; when absent, LM_SYNTH_MYSQL_URL. */
  readonly url: string | undefined;
  /** --tls-ca FILE */
  readonly tlsCa: string | undefined;
  /** --insecure-tls */
  readonly insecureTls: boolean;
}

/**
 * The connection a command's MySQL flags describe (`lm-synth load`, and
 * `lm-synth generate --mysql`). The password is never taken from argv: a URL
 * in --url must not carry one; it comes from LM_SYNTH_MYSQL_PASSWORD,
 * MYSQL_PWD, ~/.my.cnf, a password inside LM_SYNTH_MYSQL_URL, or a prompt on
 * an interactive terminal (not in CI).
 */
export async function mysqlConnection(
  flags: MysqlFlags,
  context: BaseContext,
): Promise<MysqlConnectionOptions> {
  const { parseMysqlUrl, resolvePassword } = await import('@lm-synth/mysql-sink');
  const { env, stderr } = context;
  const url = flags.url ?? env.LM_SYNTH_MYSQL_URL;
  if (url === undefined || url === '') {
    throw new UsageError('pass --url mysql://user@host:3306/database, or set LM_SYNTH_MYSQL_URL');
  }
  const target = parseMysqlUrl(url, { passwordAllowed: flags.url === undefined });
  const resolved =
    target.password === undefined
      ? await resolvePassword({ env, warn: (message) => stderr.write(`${message}\n`) })
      : { source: 'none' as const };
  let tlsCa: string | undefined;
  if (flags.tlsCa !== undefined) {
    try {
      tlsCa = await readFile(flags.tlsCa, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(`cannot read --tls-ca ${flags.tlsCa}: ${code}`);
    }
  }
  const interactive = (context.stdin as { isTTY?: boolean }).isTTY === true && !env.CI;
  return {
    url,
    ...(resolved.password === undefined ? {} : { password: resolved.password }),
    ...(tlsCa === undefined ? {} : { tlsCa }),
    ...(flags.insecureTls ? { insecureTls: true } : {}),
    ...(interactive
      ? {
          promptPassword: () =>
            promptPassword(context.stdin, stderr, `password for ${target.user}@${target.host}: `),
        }
      : {}),
  };
}
