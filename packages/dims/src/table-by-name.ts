import { CATALOGUE } from './catalogue.js';
import type { TableDefinition } from './table-definition.js';

const byName = new Map(CATALOGUE.map((table) => [table.name, table]));

/** The catalogue entry for a table; throws on a name the catalogue does not know. */
export function tableByName(name: string): TableDefinition {
  const table = byName.get(name);
  if (!table) throw new Error(`Unknown table "${name}"; known: ${[...byName.keys()].join(', ')}`);
  return table;
}
