/**
 * A MySQL string literal that means the same under every sql_mode: quotes are
 * doubled, and backslashes (whose meaning NO_BACKSLASH_ESCAPES changes) are refused.
 */
export function quoteString(value: string): string {
  if (value.includes('\\')) throw new Error(`backslash in SQL literal ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}
