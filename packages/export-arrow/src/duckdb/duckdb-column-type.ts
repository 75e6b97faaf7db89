import type { LogicalType } from '@lm-synth/dims';
import { quoteLiteral } from './quote-literal.js';

/**
 * The DuckDB type of a catalogue column. `staging` tables mirror the Arrow
 * buffers byte for byte (decimals stay DOUBLE) so batches are copied into
 * them without conversion; `final` tables carry the logical type.
 * Timestamps are TIMESTAMPTZ: instants, written to Parquet as
 * TIMESTAMP(isAdjustedToUTC=true, MICROS).
 */
export function duckdbColumnType(type: LogicalType, purpose: 'staging' | 'final'): string {
  switch (type.kind) {
    case 'int8':
      return 'TINYINT';
    case 'int16':
      return 'SMALLINT';
    case 'int32':
      return 'INTEGER';
    case 'int64':
      return 'BIGINT';
    case 'float64':
      return 'DOUBLE';
    case 'decimal':
      return purpose === 'staging' ? 'DOUBLE' : `DECIMAL(${type.precision},${type.scale})`;
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'VARCHAR';
    case 'enum':
      return type.values === null
        ? 'VARCHAR'
        : `ENUM(${type.values.map((value) => quoteLiteral(value)).join(', ')})`;
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMPTZ';
  }
}
