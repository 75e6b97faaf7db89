import type { Connection, RowDataPacket } from 'mysql2/promise';

/**
 * Names of the loader's own tables in `database`: staging tables (`__lm_stage`) or, with
 * `'any'`, every table it names (`__lm_stage`, `__lm_old`), as a kill or failure leaves them.
 */
export async function loaderTables(
  admin: Connection,
  database: string,
  kind: 'staging' | 'any',
): Promise<string[]> {
  const pattern = kind === 'staging' ? '%\\_\\_lm\\_stage' : '%\\_\\_lm\\_%';
  const [rows] = await admin.query<RowDataPacket[]>(
    'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?',
    [database, pattern],
  );
  return rows.map((row) => row.t as string);
}
