import type { TableDefinition } from '@lm-synth/dims';
import { quoteIdentifier as q } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';
import type { VerificationReport } from './verification-report.js';

/** A catalogue table and the physical table holding its rows (itself, or its staging table). */
export interface PhysicalTable {
  readonly table: TableDefinition;
  readonly name: string;
}

export interface TableVerification {
  readonly count: VerificationReport['tables'][number];
  readonly foreignKeys: readonly VerificationReport['foreignKeys'][number][];
  readonly uniqueKeys: readonly VerificationReport['uniqueKeys'][number][];
}

/**
 * One table's checks: its row count, its foreign keys against the physical
 * parents `parentOf` names (keys whose parent is absent are skipped), and its
 * unique keys (unique checks are off while loading). Keys are skipped when
 * `keys` is false.
 */
export async function verifyTable(
  session: SinkSession,
  entry: PhysicalTable,
  options: {
    readonly parentOf: (table: string) => string | undefined;
    readonly expected?: number;
    readonly keys: boolean;
  },
): Promise<TableVerification> {
  const { table, name } = entry;
  const [row] = await session.rows(
    `SELECT COUNT(*) AS n FROM ${q(name)}`,
    [],
    `counting ${table.name}`,
  );
  const count = {
    table: table.name,
    rows: Number(row!.n),
    ...(options.expected === undefined ? {} : { expected: options.expected }),
  };
  if (!options.keys) return { count, foreignKeys: [], uniqueKeys: [] };
  const foreignKeys: VerificationReport['foreignKeys'][number][] = [];
  for (const fk of table.foreignKeys) {
    const parent = options.parentOf(fk.references.table);
    if (parent === undefined) continue;
    const join = fk.columns
      .map((column, i) => `p.${q(fk.references.columns[i]!)} = c.${q(column)}`)
      .join(' AND ');
    // MATCH SIMPLE: a row with any null key column references nothing.
    const present = fk.columns.map((column) => `c.${q(column)} IS NOT NULL`).join(' AND ');
    const orphaned = `NOT EXISTS (SELECT 1 FROM ${q(parent)} p WHERE ${join})`;
    const doing = `checking ${table.name}.${fk.name}`;
    // Distinct keys first: on the foreign key's index that is a loose scan of a few values
    // for most keys (sites, areas, dates); rows are counted only when some key is orphaned.
    const keys = fk.columns.map(q).join(', ');
    const [distinct] = await session.rows(
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT ${keys} FROM ${q(name)} c WHERE ${present}) c WHERE ${orphaned}`,
      [],
      doing,
    );
    let orphans = 0;
    if (Number(distinct!.n) > 0) {
      const [rows] = await session.rows(
        `SELECT COUNT(*) AS n FROM ${q(name)} c WHERE ${present} AND ${orphaned}`,
        [],
        doing,
      );
      orphans = Number(rows!.n);
    }
    foreignKeys.push({
      table: table.name,
      name: fk.name,
      references: fk.references.table,
      orphans,
    });
  }
  const uniqueKeys: VerificationReport['uniqueKeys'][number][] = [];
  for (const columns of table.uniqueKeys) {
    const [duplicated] = await session.rows(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(name)} GROUP BY ${columns.map(q).join(', ')} HAVING COUNT(*) > 1) d`,
      [],
      `checking unique ${table.name}(${columns.join(', ')})`,
    );
    uniqueKeys.push({ table: table.name, columns, duplicates: Number(duplicated!.n) });
  }
  return { count, foreignKeys, uniqueKeys };
}
