import { CATALOGUE } from './catalogue.js';
import type { LogicalType } from './table-definition.js';

function typeLabel(type: LogicalType): string {
  switch (type.kind) {
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'string':
      return `string(${type.maxLength})`;
    case 'enum':
      return type.values ? `enum(${type.values.join(' \\| ')})` : 'enum';
    default:
      return type.kind;
  }
}

/**
 * The catalogue as Markdown, one section per table: the schema section of the
 * README is this text, so the documentation cannot drift from the tables.
 */
export function catalogueMarkdown(): string {
  return CATALOGUE.map((table) => {
    const key = new Set(table.primaryKey);
    const references = new Map(
      table.foreignKeys.flatMap((fk) =>
        fk.columns.map((column, i) => [
          column,
          `${fk.references.table}.${fk.references.columns[i]}`,
        ]),
      ),
    );
    const rows = table.columns.map((column) => {
      const notes = [
        key.has(column.name) ? 'PK' : '',
        references.has(column.name) ? `→ ${references.get(column.name)}` : '',
        column.nullable ? 'nullable' : '',
      ].filter(Boolean);
      return `| \`${column.name}\` | ${typeLabel(column.type)} | ${notes.join(', ')} | ${column.description} |`;
    });
    return [
      `### \`${table.name}\` (${table.role})`,
      '',
      table.description,
      '',
      '| column | type | keys | description |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
  }).join('\n');
}
