import { CATALOGUE } from './catalogue.js';

const positions = new Map(CATALOGUE.map((table, i) => [table.name, i]));

/**
 * A table's place in the catalogue, whose order is foreign-key order (parents first);
 * undefined for a name the catalogue does not know.
 */
export function cataloguePosition(name: string): number | undefined {
  return positions.get(name);
}
