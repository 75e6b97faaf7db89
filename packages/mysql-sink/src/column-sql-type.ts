import type { LogicalType } from '@lm-synth/dims';
import { quoteString } from './quote-string.js';

// A utf8mb4 character takes up to 4 bytes. VARCHARs count against MySQL's 65,535-byte row limit,
// so only text up to 2,048 characters (8 KiB) is VARCHAR; longer text is the smallest TEXT type that holds it.
const MAX_VARCHAR = 2048;
const TEXT_BYTES = 65_535;
const MEDIUMTEXT_BYTES = 16_777_215;

function textType(maxLength: number): string {
  if (maxLength <= MAX_VARCHAR) return `VARCHAR(${maxLength})`;
  if (4 * maxLength <= TEXT_BYTES) return 'TEXT';
  return 4 * maxLength <= MEDIUMTEXT_BYTES ? 'MEDIUMTEXT' : 'LONGTEXT';
}

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
      return textType(type.maxLength);
    // A closed domain is an ENUM, as the blueprint does for gender; an open one (site codes) a VARCHAR.
    case 'enum':
      return type.values === null
        ? textType(type.maxLength)
        : `ENUM(${type.values.map(quoteString).join(',')})`;
    case 'date':
      return 'DATE';
    // Whole seconds in UTC; DATETIME keeps them as written, whatever the session time zone.
    case 'timestamp':
      return 'DATETIME';
  }
}
