import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a password came from, for messages (never the password itself). */
export type PasswordSource = 'LM_SYNTH_MYSQL_PASSWORD' | 'MYSQL_PWD' | 'option file' | 'none';

export interface ResolvedPassword {
  readonly password?: string;
  readonly source: PasswordSource;
}

export interface ResolvePasswordOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A ~/.my.cnf-style file; defaults to $HOME/.my.cnf when HOME is set. */
  readonly optionFile?: string;
  /** Receives the warning about an option file other users can read. */
  readonly warn: (message: string) => void;
}

/**
 * Finds the password without ever taking it from argv: LM_SYNTH_MYSQL_PASSWORD,
 * then MYSQL_PWD, then `password=` in the [client] group of the option file.
 */
export async function resolvePassword(options: ResolvePasswordOptions): Promise<ResolvedPassword> {
  const { env } = options;
  if (env.LM_SYNTH_MYSQL_PASSWORD !== undefined) {
    return { password: env.LM_SYNTH_MYSQL_PASSWORD, source: 'LM_SYNTH_MYSQL_PASSWORD' };
  }
  if (env.MYSQL_PWD !== undefined) return { password: env.MYSQL_PWD, source: 'MYSQL_PWD' };
  const file = options.optionFile ?? (env.HOME ? join(env.HOME, '.my.cnf') : undefined);
  if (file === undefined) return { source: 'none' };
  let text: string;
  let mode: number;
  try {
    [text, mode] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mode)]);
  } catch {
    return { source: 'none' };
  }
  const password = clientPassword(text);
  if (password === undefined) return { source: 'none' };
  if ((mode & 0o077) !== 0) {
    options.warn(
      `warning: ${file} holds a password and is readable by other users (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); run chmod 600 ${file}`,
    );
  }
  return { password, source: 'option file' };
}

/** The last `password` of the [client] group, unquoted and unescaped as the mysql client does. */
function clientPassword(text: string): string | undefined {
  let group = '';
  let password: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      group = header[1]!.trim().toLowerCase();
      continue;
    }
    if (group !== 'client') continue;
    const option = /^password\s*=\s*(.*)$/.exec(line);
    if (option) password = optionValue(option[1]!);
  }
  return password;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', s: ' ', '\\': '\\' };

function optionValue(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    return value.slice(1, -1);
  }
  const unquoted = value.replace(/\s+[#;].*$/, '');
  return unquoted.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}
