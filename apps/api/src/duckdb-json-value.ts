import {
  type DuckDBDateValue,
  DuckDBDecimalValue,
  type DuckDBTimestampTZValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { LogicalType } from '@lm-synth/dims';
import type { JsonValue } from './data-source.js';
import { formatDay } from './format-day.js';
import { formatInstant } from './format-instant.js';
import { safeInteger } from './safe-integer.js';

/** A DuckDB cell as JSON, by the column's logical type (timestamps are TIMESTAMPTZ in the dataset views). */
export function duckdbJsonValue(type: LogicalType, value: DuckDBValue): JsonValue {
  if (value === null) return null;
  switch (type.kind) {
    case 'int64':
      return safeInteger(value as bigint | number);
    case 'decimal':
      return value instanceof DuckDBDecimalValue ? value.toDouble() : Number(value);
    case 'date':
      return formatDay((value as DuckDBDateValue).days);
    case 'timestamp':
      return formatInstant((value as DuckDBTimestampTZValue).micros);
    default:
      return value as JsonValue;
  }
}
