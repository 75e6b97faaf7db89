import type { ForeignKeyDefinition } from '@lm-synth/dims';
import type { PhysicalTable } from './physical-table.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';
import type { VerificationReport } from './verification-report.js';

/** One query of a table's verification, to run on any connection. */
export type Check<T> = (session: SinkSession) => Promise<T>;

export interface TableChecks {
  readonly count: Check<VerificationReport['tables'][number]>;
  readonly foreignKeys: readonly Check<VerificationReport['foreignKeys'][number]>[];
  readonly uniqueKeys: readonly Check<VerificationReport['uniqueKeys'][number]>[];
}

/** A parent with fewer rows than 1/FEW_KEYS_RATIO of the child's has few distinct keys to look up. */
const FEW_KEYS_RATIO = 10;

/**
 * A table's checks, each independent of the others so they can run side by
 * side: its row count, its foreign keys against the physical parents
 * `parentOf` names (keys whose parent is absent are skipped), and its unique
 * keys (unique checks are off while loading). `rows` (the table's) and
 * `rowsOf` (a parent's), when known, pick how each foreign key is checked.
 */
export function tableChecks(
  entry: PhysicalTable,
  options: {
    readonly parentOf: (table: string) => string | undefined;
    readonly expected?: number;
    readonly rows?: number;
    readonly rowsOf?: (table: string) => number | undefined;
  },
): TableChecks {
  const { table, name } = entry;
  const count: TableChecks['count'] = async (session) => {
    const [row] = await session.rows(
      `SELECT COUNT(*) AS n FROM ${q(name)}`,
      [],
      `counting ${table.name}`,
    );
    return {
      table: table.name,
      rows: Number(row!.n),
      ...(options.expected === undefined ? {} : { expected: options.expected }),
    };
  };
  const foreignKeys = table.foreignKeys.flatMap((fk) => {
    const parent = options.parentOf(fk.references.table);
    if (parent === undefined) return [];
    const parentRows =
      fk.references.table === table.name ? options.rows : options.rowsOf?.(fk.references.table);
    const perRow =
      parentRows !== undefined &&
      options.rows !== undefined &&
      parentRows * FEW_KEYS_RATIO >= options.rows;
    const check: TableChecks['foreignKeys'][number] = async (session) => ({
      table: table.name,
      name: fk.name,
      references: fk.references.table,
      orphans: await orphans(
        session,
        { name, parent, fk, perRow },
        `checking ${table.name}.${fk.name}`,
      ),
    });
    return [check];
  });
  const uniqueKeys = table.uniqueKeys.map(
    (columns): TableChecks['uniqueKeys'][number] =>
      async (session) => {
        const [duplicated] = await session.rows(
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(name)} GROUP BY ${columns.map(q).join(', ')} HAVING COUNT(*) > 1) d`,
          [],
          `checking unique ${table.name}(${columns.join(', ')})`,
        );
        return { table: table.name, columns, duplicates: Number(duplicated!.n) };
      },
  );
  return { count, foreignKeys, uniqueKeys };
}

/** Rows of `name` whose foreign key `fk` matches no row of `parent`. */
async function orphans(
  session: SinkSession,
  query: {
    readonly name: string;
    readonly parent: string;
    readonly fk: ForeignKeyDefinition;
    /** Many distinct keys: one lookup per row beats building the set of distinct keys first. */
    readonly perRow: boolean;
  },
  doing: string,
): Promise<number> {
  const { name, parent, fk, perRow } = query;
  const join = fk.columns
    .map((column, i) => `p.${q(fk.references.columns[i]!)} = c.${q(column)}`)
    .join(' AND ');
  // MATCH SIMPLE: a row with any null key column references nothing.
  const present = fk.columns.map((column) => `c.${q(column)} IS NOT NULL`).join(' AND ');
  if (perRow) {
    const [rows] = await session.rows(
      `SELECT COUNT(*) AS n FROM ${q(name)} c LEFT JOIN ${q(parent)} p ON ${join} WHERE ${present} AND p.${q(fk.references.columns[0]!)} IS NULL`,
      [],
      doing,
    );
    return Number(rows!.n);
  }
  // Few distinct keys (sites, areas, dates): a loose scan of the key's index; rows are
  // counted only when some key is orphaned.
  const orphaned = `NOT EXISTS (SELECT 1 FROM ${q(parent)} p WHERE ${join})`;
  const [distinct] = await session.rows(
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT ${fk.columns.map(q).join(', ')} FROM ${q(name)} c WHERE ${present}) c WHERE ${orphaned}`,
    [],
    doing,
  );
  if (Number(distinct!.n) === 0) return 0;
  const [rows] = await session.rows(
    `SELECT COUNT(*) AS n FROM ${q(name)} c WHERE ${present} AND ${orphaned}`,
    [],
    doing,
  );
  return Number(rows!.n);
}
