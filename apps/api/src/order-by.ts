import type { ColumnDefinition } from '@lm-synth/dims';
import type { SqlDialect } from './data-source.js';

/**
 * ORDER BY for `sort` (`column` or `-column`) followed by `tiebreak` ascending,
 * so that pages never overlap. Nulls sort last in both engines: DuckDB and
 * MySQL disagree on their default place, and MySQL has no NULLS LAST.
 */
export function orderBy(
  dialect: SqlDialect,
  columns: readonly ColumnDefinition[],
  sort: string | undefined,
  tiebreak: readonly string[],
): string {
  const keys: string[] = [];
  const used = new Set<string>();
  const add = (name: string, descending: boolean) => {
    if (used.has(name)) return;
    used.add(name);
    const quoted = dialect.quoteIdentifier(name);
    const nullable = columns.find((column) => column.name === name)?.nullable ?? false;
    if (nullable) keys.push(`${quoted} IS NULL`);
    keys.push(descending ? `${quoted} DESC` : quoted);
  };
  if (sort !== undefined) add(sort.replace(/^-/, ''), sort.startsWith('-'));
  for (const name of tiebreak) add(name, false);
  return ` ORDER BY ${keys.join(', ')}`;
}
