import type { LogicalType } from '@lm-synth/dims';
import type { JsonValue } from './data-source.js';
import { formatInstant } from './format-instant.js';
import { safeInteger } from './safe-integer.js';

/**
 * A mysql2 cell as JSON, by the column's logical type, for a connection with
 * `dateStrings` and `bigNumberStrings`: DATETIME arrives as
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC (the loader's session time zone),
 * DECIMAL and BIGINT as strings, booleans as TINYINT(1).
 */
export function mysqlJsonValue(type: LogicalType, value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'int64':
      return safeInteger(value as string | number);
    case 'decimal':
    case 'float64':
      return Number(value);
    case 'boolean':
      return Number(value) !== 0;
    case 'timestamp': {
      const [whole = '', fraction = ''] = String(value).split('.');
      const seconds = BigInt(Date.parse(`${whole.replace(' ', 'T')}Z`)) * 1000n;
      return formatInstant(seconds + BigInt(fraction.padEnd(6, '0')));
    }
    default:
      return value as JsonValue;
  }
}
