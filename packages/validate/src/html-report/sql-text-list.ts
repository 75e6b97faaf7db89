import { quoteLiteral as sqlLiteral } from '@lm-synth/export-arrow';

/** A DuckDB list literal of strings, e.g. for ordering by a domain: ['0-4', '5-14']. */
export function sqlTextList(values: readonly (string | number)[]): string {
  return `[${values.map((value) => sqlLiteral(String(value))).join(', ')}]`;
}
