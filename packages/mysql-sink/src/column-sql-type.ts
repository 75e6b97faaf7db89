import type { LogicalType } from '@lm-synth/dims';
import { quoteString } from './quote-string.js';

/** The MySQL/MariaDB column type of a catalogue logical type (blueprint §14.4). */
export function columnSqlType(type: LogicalType): string {
  switch (type.kind) {
    case 'int8':
      return 'TINYINT';
    case 'int16':
      return 'SMALLINT';
    case 'int32':
      return 'INT';
    case 'int64':
      return 'BIGINT';
    case 'float64':
      return 'DOUBLE';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'boolean':
      return 'TINYINT(1)';
    case 'string':
      return `VARCHAR(${type.maxLength})`;
    // A closed domain is an ENUM, as the blueprint does for gender; an open one (site codes) a VARCHAR.
    case 'enum':
      return type.values === null
        ? `VARCHAR(${type.maxLength})`
        : `ENUM(${type.values.map(quoteString).join(',')})`;
    case 'date':
      return 'DATE';
    // Whole seconds in UTC; DATETIME keeps them as written, whatever the session time zone.
    case 'timestamp':
      return 'DATETIME';
  }
}
