import type { SinkSession } from './sink-session.js';

/** A table already in the target database, as information_schema describes it. */
export interface ExistingTable {
  readonly name: string;
  /** BASE TABLE, VIEW, ... */
  readonly kind: string;
  readonly columns: readonly {
    readonly name: string;
    /** Lower-case type with the parameters that matter: int, varchar(16), decimal(8,2), enum('a','b'). */
    readonly type: string;
    readonly nullable: boolean;
  }[];
}

/** Every table of the current database, by name. */
export async function existingTables(session: SinkSession): Promise<Map<string, ExistingTable>> {
  const tables = await session.rows(
    'SELECT TABLE_NAME AS name, TABLE_TYPE AS kind FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
    [],
    'listing tables',
  );
  const columns = await session.rows(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name, DATA_TYPE AS dataType, COLUMN_TYPE AS columnType,
            IS_NULLABLE AS nullable, CHARACTER_MAXIMUM_LENGTH AS length,
            NUMERIC_PRECISION AS numericPrecision, NUMERIC_SCALE AS numericScale
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
      ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [],
    'listing columns',
  );
  const result = new Map<string, ExistingTable & { columns: ExistingTable['columns'][number][] }>();
  for (const row of tables) {
    result.set(String(row.name), { name: String(row.name), kind: String(row.kind), columns: [] });
  }
  for (const row of columns) {
    const dataType = String(row.dataType).toLowerCase();
    let type = dataType;
    if (dataType === 'varchar' || dataType === 'char') type = `${dataType}(${row.length})`;
    else if (dataType === 'decimal') type = `decimal(${row.numericPrecision},${row.numericScale})`;
    else if (dataType === 'enum') type = String(row.columnType);
    result.get(String(row.tableName))?.columns.push({
      name: String(row.name),
      type,
      nullable: row.nullable === 'YES',
    });
  }
  return result;
}
