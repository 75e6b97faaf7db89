import type { ColumnDefinition } from '@lm-synth/dims';
import { z } from 'zod';

/** The JSON shape of one row, derived from the catalogue columns (see duckdbJsonValue and mysqlJsonValue). */
export function rowSchema(columns: readonly ColumnDefinition[]) {
  return z.object(Object.fromEntries(columns.map((column) => [column.name, columnSchema(column)])));
}

const INTEGER_BITS = { int8: 8, int16: 16, int32: 32 } as const;

function columnSchema(column: ColumnDefinition): z.ZodType {
  const schema = valueSchema(column);
  return (column.nullable ? schema.nullable() : schema).describe(column.description);
}

function valueSchema({ type }: ColumnDefinition): z.ZodType {
  switch (type.kind) {
    case 'int8':
    case 'int16':
    case 'int32': {
      const half = 2 ** (INTEGER_BITS[type.kind] - 1);
      return z
        .int()
        .min(-half)
        .max(half - 1);
    }
    case 'int64':
      return z.union([z.int(), z.string().regex(/^-?\d+$/)]);
    case 'float64':
    case 'decimal':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'string':
      return z.string();
    case 'enum':
      return type.values === null ? z.string() : z.enum(type.values);
    case 'date':
      return z.iso.date();
    case 'timestamp':
      return z.iso.datetime();
  }
}
