import type { TableDefinition } from '@lm-synth/dims';
import { quoteIdentifier as q } from './quote-identifier.js';
import { quoteString } from './quote-string.js';

/**
 * LOAD DATA LOCAL INFILE of the native text format tsvChunks writes. The
 * separators are hex literals so the statement reads the same under any sql_mode.
 */
export function loadDataSql(table: TableDefinition, into: string, infileName: string): string {
  return [
    `LOAD DATA LOCAL INFILE ${quoteString(infileName)}`,
    `INTO TABLE ${q(into)} CHARACTER SET utf8mb4`,
    "FIELDS TERMINATED BY X'09' ESCAPED BY X'5C' LINES TERMINATED BY X'0A'",
    `(${table.columns.map((c) => q(c.name)).join(', ')})`,
  ].join(' ');
}
