import type { ColumnDefinition } from '@lm-synth/dims';
import { z } from 'zod';
import type { IdRange } from './dataset-domains.js';

/** Page size when `size` is absent, and the largest page a client may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** An integer query parameter, optionally within a range of the dataset. */
export function integerParameter(range?: IdRange) {
  const reason = range
    ? range.first > range.last
      ? 'this dataset has no such values'
      : `must be an integer from ${range.first} to ${range.last}`
    : 'must be an integer';
  const integer = z.coerce.number({ error: reason }).int({ error: reason });
  return range
    ? integer.min(range.first, { error: reason }).max(range.last, { error: reason })
    : integer;
}

export const pageParameter = z.coerce
  .number({ error: 'must be an integer of at least 1' })
  .int({ error: 'must be an integer of at least 1' })
  .min(1, { error: 'must be an integer of at least 1' })
  .default(1)
  .describe('Page number, from 1.');

const sizeReason = `must be an integer from 1 to ${MAX_PAGE_SIZE}`;
export const sizeParameter = z.coerce
  .number({ error: sizeReason })
  .int({ error: sizeReason })
  .min(1, { error: sizeReason })
  .max(MAX_PAGE_SIZE, { error: sizeReason })
  .default(DEFAULT_PAGE_SIZE)
  .describe(`Rows per page, 1 to ${MAX_PAGE_SIZE}.`);

/** `sort=column` (ascending) or `sort=-column` (descending), over `columns`. */
export function sortParameter(columns: readonly string[], defaultOrder: string) {
  const values = columns.flatMap((column) => [column, `-${column}`]);
  return z
    .enum(values as [string, ...string[]], {
      error: `must be one of ${columns.join(', ')}, prefixed with - for descending order`,
    })
    .optional()
    .describe(
      `Sort column; prefix with - for descending order. Ties and nulls (always last) are ordered by ${defaultOrder}, which is also the default.`,
    );
}

/** A site code of the dataset (dim_site.site_code). */
export function siteCodeParameter(sites: ReadonlyMap<string, number>) {
  const codes = [...sites.keys()] as [string, ...string[]];
  return z.enum(codes, { error: `must be one of the dataset's site codes: ${codes.join(', ')}` });
}

/** A `YYYY-MM-DD` day. */
export function dayParameter(description: string) {
  return z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).optional().describe(description);
}

/** The schema of an equality filter on a catalogue column. */
export function columnParameter(column: ColumnDefinition, range?: IdRange): z.ZodType {
  const { type } = column;
  switch (type.kind) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return integerParameter(range);
    case 'boolean':
      return z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .transform((value) => value === 'true');
    case 'enum':
      if (type.values !== null) return z.enum(type.values);
      return z.string().min(1).max(type.maxLength);
    case 'string':
      return z.string().min(1).max(type.maxLength);
    default:
      throw new Error(`no equality filter for ${column.name} (${type.kind})`);
  }
}
