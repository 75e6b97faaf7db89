import type { TableDefinition } from '@lm-synth/dims';
import { quoteIdentifier as q } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';
import type { VerificationReport } from './verification-report.js';

/** A catalogue table and the physical table holding its rows (itself, or its staging table). */
export interface PhysicalTable {
  readonly table: TableDefinition;
  readonly name: string;
}

export interface VerifyTablesOptions {
  /** Row counts to compare with, by catalogue table name. */
  readonly expectedRows?: ReadonlyMap<string, number>;
  /** Tables whose foreign and unique keys are checked; default all. */
  readonly keysOf?: ReadonlySet<string>;
}

/**
 * Counts, foreign-key orphans and unique-key duplicates of a set of tables,
 * each foreign key checked against the set's own copy of its parent.
 */
export async function verifyTables(
  session: SinkSession,
  tables: readonly PhysicalTable[],
  options: VerifyTablesOptions = {},
): Promise<Omit<VerificationReport, 'projection'>> {
  const expectedRows = options.expectedRows ?? new Map<string, number>();
  const checked = tables.filter((entry) => options.keysOf?.has(entry.table.name) ?? true);
  const byName = new Map(tables.map((entry) => [entry.table.name, entry]));
  const counts: { table: string; rows: number; expected?: number }[] = [];
  for (const { table, name } of tables) {
    const [row] = await session.rows(
      `SELECT COUNT(*) AS n FROM ${q(name)}`,
      [],
      `counting ${table.name}`,
    );
    const expected = expectedRows.get(table.name);
    counts.push({
      table: table.name,
      rows: Number(row!.n),
      ...(expected === undefined ? {} : { expected }),
    });
  }
  const foreignKeys: VerificationReport['foreignKeys'][number][] = [];
  for (const { table, name } of checked) {
    for (const fk of table.foreignKeys) {
      const parent = byName.get(fk.references.table);
      if (!parent) continue;
      const join = fk.columns
        .map((column, i) => `p.${q(fk.references.columns[i]!)} = c.${q(column)}`)
        .join(' AND ');
      // MATCH SIMPLE: a row with any null key column references nothing.
      const present = fk.columns.map((column) => `c.${q(column)} IS NOT NULL`).join(' AND ');
      const orphaned = `NOT EXISTS (SELECT 1 FROM ${q(parent.name)} p WHERE ${join})`;
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
        const [row] = await session.rows(
          `SELECT COUNT(*) AS n FROM ${q(name)} c WHERE ${present} AND ${orphaned}`,
          [],
          doing,
        );
        orphans = Number(row!.n);
      }
      foreignKeys.push({
        table: table.name,
        name: fk.name,
        references: fk.references.table,
        orphans,
      });
    }
  }
  const uniqueKeys: VerificationReport['uniqueKeys'][number][] = [];
  for (const { table, name } of checked) {
    for (const columns of table.uniqueKeys) {
      const [row] = await session.rows(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(name)} GROUP BY ${columns.map(q).join(', ')} HAVING COUNT(*) > 1) d`,
        [],
        `checking unique ${table.name}(${columns.join(', ')})`,
      );
      uniqueKeys.push({ table: table.name, columns, duplicates: Number(row!.n) });
    }
  }
  const ok =
    counts.every((c) => c.expected === undefined || c.expected === c.rows) &&
    foreignKeys.every((fk) => fk.orphans === 0) &&
    uniqueKeys.every((u) => u.duplicates === 0);
  return { tables: counts, foreignKeys, uniqueKeys, ok };
}
