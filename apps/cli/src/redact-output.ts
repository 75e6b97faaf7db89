import { redact } from '@lm-synth/mysql-sink/redact';
import type { BaseContext } from 'clipanion';

/**
 * `text` with every MySQL password the process could know masked: the
 * user-info of any URL-like word and the passwords in the environment. Every
 * error line the CLI prints goes through it, whichever command or parser
 * wrote it.
 */
export function redactOutput(text: string, env: BaseContext['env']): string {
  const secrets = [env.LM_SYNTH_MYSQL_PASSWORD, env.MYSQL_PWD].filter(
    (secret): secret is string => secret !== undefined && secret !== '',
  );
  return redact(text, secrets);
}
