import { CATALOGUE } from '@lm-synth/dims';
import { preferredCollation } from './collation.js';
import { createTableSql } from './create-table-sql.js';
import type { ServerFlavor } from './server-version.js';

/**
 * The whole schema as a SQL script, in foreign-key order: what `lm-synth load`
 * creates (`lm-synth load --print-ddl`). Without a collation, the flavor's default.
 */
export function datasetDdl(flavor: ServerFlavor, collation = preferredCollation(flavor)): string {
  const server = flavor === 'mysql' ? 'MySQL 8.0+' : 'MariaDB 10.6+';
  const header = [
    `-- lm-synth schema for ${server}, collation ${collation}.`,
    '-- Synthetic data, for non-production testing. Derived from the @lm-synth/dims catalogue.',
  ];
  const tables = CATALOGUE.map(
    (table) =>
      `${createTableSql(table, { collation, nameOf: (name) => name, foreignKeys: true })};`,
  );
  return `${[...header, '', tables.join('\n\n')].join('\n')}\n`;
}
