import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import { quoteIdentifier as q } from './quote-identifier.js';
import { quoteString } from './quote-string.js';

/** lm-synth CSV writes instants as 2025-04-01T08:30:00Z; DATETIME holds whole seconds. */
const TIMESTAMP_FORMAT = '%Y-%m-%dT%H:%i:%sZ';

function needsExpression(column: ColumnDefinition): boolean {
  return column.nullable || column.type.kind === 'timestamp';
}

/**
 * LOAD DATA LOCAL INFILE of lm-synth CSV without its header line (RFC 4180
 * quoting, LF line ends, NULL as an empty field, ISO timestamps): the server
 * parses the file's own bytes.
 */
export function csvLoadSql(table: TableDefinition, into: string, infileName: string): string {
  const targets = table.columns.map((column, i) => (needsExpression(column) ? `@v${i}` : q(column.name)));
  const assignments = table.columns.flatMap((column, i) => {
    if (!needsExpression(column)) return [];
    let value = column.nullable ? `NULLIF(@v${i}, '')` : `@v${i}`;
    if (column.type.kind === 'timestamp') value = `STR_TO_DATE(${value}, ${quoteString(TIMESTAMP_FORMAT)})`;
    return [`${q(column.name)} = ${value}`];
  });
  return [
    `LOAD DATA LOCAL INFILE ${quoteString(infileName)}`,
    `INTO TABLE ${q(into)} CHARACTER SET utf8mb4`,
    `FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY ''`,
    "LINES TERMINATED BY X'0A'",
    `(${targets.join(', ')})`,
    ...(assignments.length > 0 ? [`SET ${assignments.join(', ')}`] : []),
  ].join(' ');
}
