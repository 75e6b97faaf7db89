import { CATALOGUE, type ColumnDefinition, type TableDefinition } from '@lm-synth/dims';
import { ksTwoSample, pearson, totalVariationDistance } from '@lm-synth/stats';
import type { SqlSession } from '../dataset/sql-session.js';

/** Rows of each table (each side) the properties are computed on; a seeded sample beyond. */
const ROWS = 20_000;
/** Bins (the real data's quantiles) a numeric column is cut into for contingency similarity. */
const BINS = 10;

/** One column, pair or relation's score in [0, 1] and the metric that gave it. */
export interface QualityDetail {
  readonly name: string;
  readonly metric:
    | 'KSComplement'
    | 'TVComplement'
    | 'CorrelationSimilarity'
    | 'ContingencySimilarity';
  readonly score: number;
}

export interface QualityProperty {
  readonly name: 'Column Shapes' | 'Column Pair Trends' | 'Cardinality' | 'Intertable Trends';
  /** Mean of the details' scores. */
  readonly score: number;
  readonly details: readonly QualityDetail[];
}

/** SDMetrics-style quality of `--in` against the dataset it is compared with. */
export interface QualityReport {
  /** Mean of the properties' scores. */
  readonly score: number;
  readonly properties: readonly QualityProperty[];
}

interface Column {
  readonly name: string;
  readonly numeric: boolean;
}

type Values = (number | string | null)[];

/**
 * Quality in the manner of SDMetrics' multi-table report, of `input` (e.g. a model's
 * sample) against `real` (its training data), on the fact tables under patients and the
 * columns the catalogue gives them (keys and links left out): Column Shapes (KS complement
 * for numeric, date and time columns, TV complement for categorical ones), Column Pair
 * Trends (correlation similarity for two numeric columns, contingency similarity
 * otherwise, numbers cut at the real data's deciles), Cardinality (KS complement of
 * children per patient) and Intertable Trends (pair trends of a patient column and a child
 * column over the children). The overall score is the mean of the four.
 */
export async function qualityReport(input: SqlSession, real: SqlSession): Promise<QualityReport> {
  const present = async (sql: SqlSession, name: string) =>
    (await sql.scalar(
      `SELECT count(*) FROM information_schema.tables WHERE table_name = '${name}'`,
    )) > 0;
  const parent = CATALOGUE.find((table) => table.name === 'patients')!;
  const tables: TableDefinition[] = [];
  for (const table of CATALOGUE) {
    if (table.role !== 'fact') continue;
    const child = table.foreignKeys.some((fk) => fk.references.table === parent.name);
    if (table !== parent && !child) continue;
    if ((await present(input, table.name)) && (await present(real, table.name))) tables.push(table);
  }
  const shapes: QualityDetail[] = [];
  const pairs: QualityDetail[] = [];
  const cardinality: QualityDetail[] = [];
  const intertable: QualityDetail[] = [];
  for (const table of tables) {
    const columns = modelledColumns(table);
    const [a, b] = await Promise.all([
      readColumns(input, table, columns),
      readColumns(real, table, columns),
    ]);
    for (const column of columns)
      shapes.push(shape(`${table.name}.${column.name}`, column, a[column.name]!, b[column.name]!));
    for (let i = 0; i < columns.length; i++)
      for (let j = i + 1; j < columns.length; j++) {
        const x = columns[i]!;
        const y = columns[j]!;
        pairs.push(pairTrend(`${table.name}.${x.name} × ${y.name}`, x, y, a, b));
      }
    if (table === parent) continue;
    const fk = table.foreignKeys.find((key) => key.references.table === parent.name)!.columns[0]!;
    const counts = async (sql: SqlSession) =>
      sql.numbers(
        `SELECT count(c.${fk}) FROM ${parent.name} p LEFT JOIN ${table.name} c ON c.${fk} = p.${parent.primaryKey[0]} GROUP BY p.${parent.primaryKey[0]}`,
      );
    const [ca, cb] = await Promise.all([counts(input), counts(real)]);
    cardinality.push({
      name: `${table.name} per ${parent.name}`,
      metric: 'KSComplement',
      score: 1 - ksTwoSample(ca, cb).statistic,
    });
    const parentColumns = modelledColumns(parent);
    const childColumns = columns;
    const join = async (sql: SqlSession) =>
      readJoined(sql, table, fk, parent, parentColumns, childColumns);
    const [ja, jb] = await Promise.all([join(input), join(real)]);
    for (const x of parentColumns)
      for (const y of childColumns) {
        intertable.push(
          pairTrend(
            `${parent.name}.${x.name} × ${table.name}.${y.name}`,
            { ...x, name: `p_${x.name}` },
            { ...y, name: `c_${y.name}` },
            ja,
            jb,
          ),
        );
      }
  }
  const property = (name: QualityProperty['name'], details: QualityDetail[]): QualityProperty => ({
    name,
    score:
      details.length > 0
        ? details.reduce((sum, detail) => sum + detail.score, 0) / details.length
        : 1,
    details,
  });
  const properties = [
    property('Column Shapes', shapes),
    property('Column Pair Trends', pairs),
    property('Cardinality', cardinality),
    property('Intertable Trends', intertable),
  ];
  return { score: properties.reduce((sum, p) => sum + p.score, 0) / properties.length, properties };
}

/** The columns a model describes: no keys, no links between facts, no free text (ids). */
function modelledColumns(table: TableDefinition): Column[] {
  const skip = new Set<string>(table.primaryKey);
  for (const fk of table.foreignKeys) {
    const target = CATALOGUE.find((entry) => entry.name === fk.references.table);
    if (target?.role === 'fact') for (const column of fk.columns) skip.add(column);
  }
  const categoricalKeys = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
  return table.columns
    .filter((column) => !skip.has(column.name) && column.type.kind !== 'string')
    .map((column) => ({
      name: column.name,
      numeric: isNumeric(column) && !categoricalKeys.has(column.name),
    }));
}

function isNumeric(column: ColumnDefinition): boolean {
  return !['enum', 'boolean', 'string'].includes(column.type.kind);
}

function columnSql(name: string, numeric: boolean, alias = ''): string {
  const ref = `${alias}"${name}"`;
  return numeric
    ? `CASE WHEN typeof(${ref}) IN ('DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE') THEN epoch(${ref}::TIMESTAMP) ELSE CAST(${ref} AS DOUBLE) END`
    : `CAST(${ref} AS VARCHAR)`;
}

async function readColumns(
  sql: SqlSession,
  table: TableDefinition,
  columns: readonly Column[],
): Promise<Record<string, Values>> {
  const select = columns
    .map((column) => `${columnSql(column.name, column.numeric)} AS "${column.name}"`)
    .join(', ');
  const out = await sql.columns(
    `SELECT ${select} FROM (SELECT * FROM ${table.name} ORDER BY ${table.primaryKey.join(', ')}) USING SAMPLE reservoir(${ROWS} ROWS) REPEATABLE (1)`,
  );
  return out as Record<string, Values>;
}

async function readJoined(
  sql: SqlSession,
  child: TableDefinition,
  fk: string,
  parent: TableDefinition,
  parentColumns: readonly Column[],
  childColumns: readonly Column[],
): Promise<Record<string, Values>> {
  const select = [
    ...parentColumns.map(
      (column) => `${columnSql(column.name, column.numeric, 'p.')} AS "p_${column.name}"`,
    ),
    ...childColumns.map(
      (column) => `${columnSql(column.name, column.numeric, 'c.')} AS "c_${column.name}"`,
    ),
  ].join(', ');
  return (await sql.columns(
    `SELECT ${select} FROM (SELECT * FROM (SELECT * FROM ${child.name} ORDER BY ${child.primaryKey.join(', ')}) USING SAMPLE reservoir(${ROWS} ROWS) REPEATABLE (1)) c
     JOIN ${parent.name} p ON p.${parent.primaryKey[0]} = c.${fk}`,
  )) as Record<string, Values>;
}

function numbers(values: Values): Float64Array {
  return Float64Array.from(values.filter((value) => value !== null).map(Number));
}

function shape(name: string, column: Column, a: Values, b: Values): QualityDetail {
  if (column.numeric) {
    const x = numbers(a);
    const y = numbers(b);
    // Nulls are compared as a share (TV), values by KS; a column of nulls only has the share.
    const nullsA = (a.length - x.length) / Math.max(1, a.length);
    const nullsB = (b.length - y.length) / Math.max(1, b.length);
    const ks =
      x.length > 0 && y.length > 0 ? ksTwoSample(x, y).statistic : x.length === y.length ? 0 : 1;
    return { name, metric: 'KSComplement', score: 1 - Math.max(ks, Math.abs(nullsA - nullsB)) };
  }
  return { name, metric: 'TVComplement', score: 1 - tvd([a], [b]) };
}

/** Total variation distance between the joint frequencies of the columns on each side. */
function tvd(a: readonly Values[], b: readonly Values[]): number {
  const counts = new Map<string, [number, number]>();
  const add = (columns: readonly Values[], side: 0 | 1) => {
    const n = columns[0]?.length ?? 0;
    for (let i = 0; i < n; i++) {
      const key = columns.map((column) => String(column[i])).join('\u0000');
      const entry = counts.get(key) ?? [0, 0];
      entry[side]++;
      counts.set(key, entry);
    }
  };
  add(a, 0);
  add(b, 1);
  const na = a[0]?.length ?? 0;
  const nb = b[0]?.length ?? 0;
  if (na === 0 || nb === 0) return na === nb ? 0 : 1;
  const p = [...counts.values()].map(([x]) => x / na);
  const q = [...counts.values()].map(([, y]) => y / nb);
  return totalVariationDistance(p, q);
}

/** Deciles of the real data's values, for cutting a numeric column into categories. */
function binner(real: Values): (value: number | string | null) => string {
  const sorted = numbers(real).sort();
  const cuts = Array.from(
    { length: BINS - 1 },
    (_, k) => sorted[Math.floor(((k + 1) / BINS) * (sorted.length - 1))] ?? 0,
  );
  return (value) => {
    if (value === null) return 'null';
    const x = Number(value);
    let bin = 0;
    while (bin < cuts.length && x > cuts[bin]!) bin++;
    return String(bin);
  };
}

function pairTrend(
  name: string,
  x: Column,
  y: Column,
  a: Record<string, Values>,
  b: Record<string, Values>,
): QualityDetail {
  const ax = a[x.name]!;
  const ay = a[y.name]!;
  const bx = b[x.name]!;
  const by = b[y.name]!;
  if (x.numeric && y.numeric) {
    const complete = (u: Values, v: Values) => {
      const keep = u.map((value, i) => value !== null && v[i] !== null);
      return [
        Float64Array.from(u.filter((_, i) => keep[i]).map(Number)),
        Float64Array.from(v.filter((_, i) => keep[i]).map(Number)),
      ] as const;
    };
    const [a1, a2] = complete(ax, ay);
    const [b1, b2] = complete(bx, by);
    const r = (u: Float64Array, v: Float64Array) => {
      const value = u.length > 2 ? pearson(u, v) : 0;
      return Number.isFinite(value) ? value : 0;
    };
    return {
      name,
      metric: 'CorrelationSimilarity',
      score: 1 - Math.abs(r(a1, a2) - r(b1, b2)) / 2,
    };
  }
  const cut = (column: Column, real: Values) =>
    column.numeric ? binner(real) : (value: number | string | null) => String(value);
  const cx = cut(x, bx);
  const cy = cut(y, by);
  return {
    name,
    metric: 'ContingencySimilarity',
    score: 1 - tvd([ax.map(cx), ay.map(cy)], [bx.map(cx), by.map(cy)]),
  };
}
