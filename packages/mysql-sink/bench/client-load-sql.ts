import type { ColumnDefinition, TableDefinition } from '@lm-synth/dims';
import { quoteIdentifier as q } from '../src/quote-identifier.js';
import { quoteString } from '../src/quote-string.js';

/** lm-synth CSV writes instants as 2025-04-01T08:30:00Z; DATETIME holds whole seconds. */
const TIMESTAMP_FORMAT = '%Y-%m-%dT%H:%i:%sZ';

function needsExpression(column: ColumnDefinition): boolean {
  return column.nullable || column.type.kind === 'timestamp';
}

/**
 * What a person would give the mariadb client to load an lm-synth CSV file
 * (header, RFC 4180 quoting, LF line ends, NULL as an empty field, ISO
 * timestamps), the server parsing the file's own bytes.
 */
export function clientLoadSql(table: TableDefinition, path: string): string {
  const targets = table.columns.map((column, i) =>
    needsExpression(column) ? `@v${i}` : q(column.name),
  );
  const assignments = table.columns.flatMap((column, i) => {
    if (!needsExpression(column)) return [];
    let value = column.nullable ? `NULLIF(@v${i}, '')` : `@v${i}`;
    if (column.type.kind === 'timestamp')
      value = `STR_TO_DATE(${value}, ${quoteString(TIMESTAMP_FORMAT)})`;
    return [`${q(column.name)} = ${value}`];
  });
  return [
    `LOAD DATA LOCAL INFILE ${quoteString(path)}`,
    `INTO TABLE ${q(table.name)} CHARACTER SET utf8mb4`,
    `FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY ''`,
    "LINES TERMINATED BY X'0A' IGNORE 1 LINES",
    `(${targets.join(', ')})`,
    ...(assignments.length > 0 ? [`SET ${assignments.join(', ')}`] : []),
  ].join(' ');
}
