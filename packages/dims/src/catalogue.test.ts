import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { tableByName } from './table-by-name.js';

describe('catalogue', () => {
  it('has unique table names and unique column names per table', () => {
    const names = CATALOGUE.map((table) => table.name);
    expect(new Set(names).size).toBe(names.length);
    for (const table of CATALOGUE) {
      const columns = table.columns.map((column) => column.name);
      expect(new Set(columns).size, table.name).toBe(columns.length);
    }
  });

  it('keys name real columns, and primary-key columns are not nullable', () => {
    for (const table of CATALOGUE) {
      const columns = new Map(table.columns.map((column) => [column.name, column]));
      for (const key of [
        table.primaryKey,
        ...table.uniqueKeys,
        ...table.indexes.map((i) => i.columns),
      ]) {
        for (const name of key) expect(columns.has(name), `${table.name}.${name}`).toBe(true);
      }
      for (const name of table.primaryKey)
        expect(columns.get(name)?.nullable, `${table.name}.${name}`).toBe(false);
      expect(table.primaryKey.length, table.name).toBeGreaterThan(0);
    }
  });

  it('orders tables so each foreign key points at an earlier table (or itself) with matching types', () => {
    const seen = new Set<string>();
    for (const table of CATALOGUE) {
      for (const fk of table.foreignKeys) {
        const target = tableByName(fk.references.table);
        expect(
          seen.has(target.name) || target.name === table.name,
          `${table.name} -> ${target.name}`,
        ).toBe(true);
        expect(fk.columns.length).toBe(fk.references.columns.length);
        fk.columns.forEach((name, i) => {
          const from = table.columns.find((column) => column.name === name);
          const to = target.columns.find((column) => column.name === fk.references.columns[i]);
          expect(from, `${table.name}.${name}`).toBeDefined();
          expect(to, `${target.name}.${fk.references.columns[i]}`).toBeDefined();
          expect(from?.type.kind, `${table.name}.${name}`).toBe(to?.type.kind);
        });
        // The referenced columns must be the target's primary key or a unique key.
        const keys = [target.primaryKey, ...target.uniqueKeys].map((key) => key.join(','));
        expect(keys, `${fk.name}`).toContain(fk.references.columns.join(','));
      }
      seen.add(table.name);
    }
  });

  it('keeps the blueprint DDL names (§14.4)', () => {
    expect(
      tableByName('ed_encounters')
        .columns.map((c) => c.name)
        .slice(0, 7),
    ).toEqual([
      'encounter_id',
      'patient_id',
      'facility_id',
      'ed_subservice',
      'arrival_ts',
      'acuity',
      'dispo',
    ]);
    expect(() => tableByName('nope')).toThrow(/Unknown table "nope"/);
  });
});
