import {
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';

/** A query result value as the sql command prints it. */
export type Cell = string | number | boolean | null;

export interface QueryResult {
  readonly columns: readonly string[];
  /** Integer and floating-point columns, right-aligned in the table. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly Cell[])[];
}

const INTEGER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
]);
const FLOAT_TYPES = new Set<DuckDBTypeId>([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE]);

/**
 * Converts a DuckDB result to plain cells: integers are numbers when exact
 * (else digit strings), decimals stay exact strings, and instants print in
 * ISO-8601 UTC whatever the machine's time zone.
 */
export function queryResult(reader: DuckDBResultReader): QueryResult {
  const types = reader.columnTypes();
  return {
    columns: reader.deduplicatedColumnNames(),
    numeric: types.map(
      (type) =>
        INTEGER_TYPES.has(type.typeId) ||
        FLOAT_TYPES.has(type.typeId) ||
        type.typeId === DuckDBTypeId.DECIMAL,
    ),
    rows: reader.getRows().map((row) => row.map((value, i) => cell(value, types[i]!))),
  };
}

function cell(value: DuckDBValue, type: DuckDBType): Cell {
  if (value === null) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (type.typeId === DuckDBTypeId.TIMESTAMP_TZ || type.typeId === DuckDBTypeId.TIMESTAMP) {
    return isoInstant((value as { micros: bigint }).micros);
  }
  return String(value);
}

/** YYYY-MM-DDTHH:MM:SSZ, with six fractional digits only when the instant has them. */
function isoInstant(micros: bigint): string {
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const seconds = (micros - fraction) / 1_000_000n;
  const text = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return fraction === 0n ? `${text}Z` : `${text}.${fraction.toString().padStart(6, '0')}Z`;
}
