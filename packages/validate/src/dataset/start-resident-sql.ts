import type { SqlSession } from './sql-session.js';
import { tableColumns } from './table-columns.js';

/**
 * SQL predicate selecting the patients resident on 1 January of the start year (alias
 * `p`): `entry_reason = 'Resident'` in an open cohort. Gates whose expectation is the
 * start-year population (marginals, volumes, the reference sample) compare these; births
 * and in-migrants follow the projection's flows, which cohort-balance checks. A dataset
 * without entry_reason (a closed cohort) is all residents: TRUE.
 */
export async function startResidentSql(sql: SqlSession, alias = 'p'): Promise<string> {
  return (await tableColumns(sql, 'patients')).has('entry_reason')
    ? `${alias}.entry_reason = 'Resident'`
    : 'TRUE';
}
