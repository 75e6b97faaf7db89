import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { cataloguePosition } from './catalogue-position.js';

describe('cataloguePosition', () => {
  it('numbers the tables in catalogue order, parents before the tables that reference them', () => {
    CATALOGUE.forEach((table, i) => {
      expect(cataloguePosition(table.name)).toBe(i);
      for (const fk of table.foreignKeys)
        expect(
          cataloguePosition(fk.references.table)!,
          `${table.name}.${fk.name}`,
        ).toBeLessThanOrEqual(i);
    });
  });

  it('knows nothing of other names', () => {
    expect(cataloguePosition('not_a_table')).toBeUndefined();
  });
});
