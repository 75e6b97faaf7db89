import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { buildDimensionTables } from './build-dimension-tables.js';
import { CATALOGUE } from './catalogue.js';
import { tableByName } from './table-by-name.js';
import type { LogicalType } from './table-definition.js';

const tables = buildDimensionTables(defaultScenario()) as unknown as Record<
  string,
  Record<string, ArrayLike<unknown>>
>;
const dimensions = CATALOGUE.filter((table) => table.role === 'dimension');
const INT_RANGES: Partial<Record<LogicalType['kind'], [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  date: [-(2 ** 31), 2 ** 31 - 1],
};

const rowsOf = (name: string) => {
  const columns = tables[name]!;
  const length = Object.values(columns)[0]!.length;
  return Array.from({ length }, (_, i) =>
    Object.fromEntries(Object.entries(columns).map(([column, values]) => [column, values[i]])),
  );
};
const keyOf = (row: Record<string, unknown>, columns: readonly string[]) =>
  JSON.stringify(columns.map((column) => row[column]));

describe('buildDimensionTables', () => {
  it('builds every dimension table of the catalogue with its columns in catalogue order', () => {
    expect(Object.keys(tables)).toEqual(dimensions.map((table) => table.name));
    for (const table of dimensions) {
      const columns = tables[table.name]!;
      expect(Object.keys(columns), table.name).toEqual(table.columns.map((column) => column.name));
      const lengths = new Set(Object.values(columns).map((values) => values.length));
      expect(lengths.size, table.name).toBe(1);
      expect([...lengths][0], table.name).toBeGreaterThan(0);
    }
  });

  it('fills every column with values of its logical type, nulls only where allowed', () => {
    for (const table of dimensions)
      for (const column of table.columns) {
        const values = Array.from(tables[table.name]![column.name]!);
        const where = `${table.name}.${column.name}`;
        if (!column.nullable) expect(values.includes(null), where).toBe(false);
        const present = values.filter((value) => value !== null);
        const { type } = column;
        const range = INT_RANGES[type.kind];
        if (range)
          for (const value of present) {
            expect(Number.isInteger(value), where).toBe(true);
            expect(value as number, where).toBeGreaterThanOrEqual(range[0]);
            expect(value as number, where).toBeLessThanOrEqual(range[1]);
          }
        if (type.kind === 'string' || type.kind === 'enum')
          for (const value of present) {
            expect(typeof value, where).toBe('string');
            expect((value as string).length, `${where}: "${value}"`).toBeLessThanOrEqual(
              type.maxLength,
            );
          }
        if (type.kind === 'enum' && type.values)
          for (const value of present) expect(type.values, where).toContain(value);
        if (type.kind === 'boolean')
          for (const value of present) expect(typeof value, where).toBe('boolean');
      }
  });

  it('has unique primary and unique keys', () => {
    for (const table of dimensions) {
      const rows = rowsOf(table.name);
      for (const key of [table.primaryKey, ...table.uniqueKeys]) {
        const keys = rows.map((row) => keyOf(row, key));
        expect(new Set(keys).size, `${table.name} (${key.join(', ')})`).toBe(rows.length);
      }
    }
  });

  it('resolves every foreign key between dimension tables', () => {
    for (const table of dimensions)
      for (const fk of table.foreignKeys) {
        const targetKeys = new Set(
          rowsOf(fk.references.table).map((row) => keyOf(row, fk.references.columns)),
        );
        for (const row of rowsOf(table.name))
          expect(
            targetKeys.has(keyOf(row, fk.columns)),
            `${fk.name} ${keyOf(row, fk.columns)}`,
          ).toBe(true);
      }
    expect(tableByName('dim_lha').foreignKeys.length).toBeGreaterThan(0);
  });

  it('numbers sites 1-12 in blueprint order and has 16 programs x 3 subprograms', () => {
    expect(Array.from(tables.dim_site!.site_id!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Array.from(tables.dim_site!.site_code!).slice(0, 3)).toEqual([
      'LM-SNW',
      'LM-BLH',
      'LM-SLM',
    ]);
    expect(tables.dim_program!.program_id!.length).toBe(16);
    const subprograms = rowsOf('dim_subprogram');
    expect(subprograms.length).toBe(48);
    for (let program = 1; program <= 16; program++)
      expect(
        subprograms.filter((row) => row.program_id === program).map((row) => row.subprogram_id),
      ).toEqual([1, 2, 3]);
  });
});
