import type { SqlSession } from '../dataset/sql-session.js';
import type { KAnonymityReport } from '../report/validation-report.js';

const QUASI_IDENTIFIERS = ['age_group', 'gender', 'lha_id', 'facility_home_id'] as const;
const BANDS: readonly [number, number | null][] = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 9],
  [10, 19],
  [20, 49],
  [50, 99],
  [100, 999],
  [1000, null],
];
const SMALLEST_LISTED = 10;

/**
 * k-anonymity of patients over (age group, gender, LHA, home facility): the equivalence
 * classes of records sharing these values, the smallest class size k, the distribution of
 * class sizes and the smallest classes.
 */
export async function kAnonymity(sql: SqlSession): Promise<KAnonymityReport> {
  const columns = QUASI_IDENTIFIERS.join(', ');
  const classes = `(SELECT ${columns}, count(*) AS size FROM patients GROUP BY ALL)`;
  const sizes = await sql.rows(
    `SELECT size, count(*) AS classes FROM ${classes} GROUP BY size ORDER BY size`,
  );
  const histogram = BANDS.map(([minSize, maxSize]) => {
    const inBand = sizes.filter(
      (row) => Number(row.size) >= minSize && (maxSize === null || Number(row.size) <= maxSize),
    );
    return {
      minSize,
      maxSize,
      classes: inBand.reduce((sum, row) => sum + Number(row.classes), 0),
      records: inBand.reduce((sum, row) => sum + Number(row.classes) * Number(row.size), 0),
    };
  }).filter((band) => band.classes > 0);
  const smallest = await sql.rows(
    `SELECT * FROM ${classes} ORDER BY size, ${columns} LIMIT ${SMALLEST_LISTED}`,
  );
  return {
    quasiIdentifiers: [...QUASI_IDENTIFIERS],
    k: sizes.length > 0 ? Number(sizes[0]!.size) : 0,
    classes: sizes.reduce((sum, row) => sum + Number(row.classes), 0),
    histogram,
    smallestClasses: smallest.map((row) => ({
      values: Object.fromEntries(
        QUASI_IDENTIFIERS.map((name) => [name, row[name] as string | number]),
      ),
      size: Number(row.size),
    })),
  };
}
