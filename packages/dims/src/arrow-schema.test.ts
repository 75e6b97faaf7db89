import { Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowSchema, LOGICAL_TYPE_METADATA_KEY } from './arrow-schema.js';
import { CATALOGUE } from './catalogue.js';
import { tableByName } from './table-by-name.js';

describe('arrowSchema', () => {
  it('has one field per catalogue column, in order, with nullability and logical type', () => {
    for (const table of CATALOGUE) {
      const schema = arrowSchema(table);
      expect(schema.fields.map((f) => f.name)).toEqual(table.columns.map((c) => c.name));
      schema.fields.forEach((field, i) => {
        const column = table.columns[i]!;
        expect(field.nullable).toBe(column.nullable);
        expect(JSON.parse(field.metadata.get(LOGICAL_TYPE_METADATA_KEY)!)).toEqual(column.type);
      });
    }
  });

  it('maps logical types to the physical types the writers expect', () => {
    const ed = arrowSchema(tableByName('ed_encounters'));
    const type = (name: string) => ed.fields.find((f) => f.name === name)!.type;
    expect(type('encounter_id').typeId).toBe(Type.Int);
    expect(type('ed_subservice').typeId).toBe(Type.Dictionary);
    expect(type('arrival_ts').typeId).toBe(Type.Timestamp);
    expect(String(type('arrival_ts'))).toContain('UTC');
    const patients = arrowSchema(tableByName('patients'));
    expect(patients.fields.find((f) => f.name === 'dob')!.type.typeId).toBe(Type.Date);
    expect(patients.fields.find((f) => f.name === 'expected_ed_rate')!.type.typeId).toBe(
      Type.Float,
    );
  });

  it('gives every dictionary column a distinct id across the catalogue', () => {
    const ids = CATALOGUE.flatMap((table) =>
      arrowSchema(table)
        .fields.map((f) => f.type)
        .filter((t) => t.typeId === Type.Dictionary)
        .map((t) => (t as unknown as { id: number }).id),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
