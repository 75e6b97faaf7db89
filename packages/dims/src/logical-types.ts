import type { LogicalType } from './table-definition.js';

/** Constructors for logical types, so table files read like DDL. */
export const t = {
  int8: (): LogicalType => ({ kind: 'int8' }),
  int16: (): LogicalType => ({ kind: 'int16' }),
  int32: (): LogicalType => ({ kind: 'int32' }),
  int64: (): LogicalType => ({ kind: 'int64' }),
  float64: (): LogicalType => ({ kind: 'float64' }),
  decimal: (precision: number, scale: number): LogicalType => ({
    kind: 'decimal',
    precision,
    scale,
  }),
  boolean: (): LogicalType => ({ kind: 'boolean' }),
  string: (maxLength: number): LogicalType => ({ kind: 'string', maxLength }),
  enum: (values: readonly string[] | null, maxLength: number): LogicalType => ({
    kind: 'enum',
    values,
    maxLength,
  }),
  date: (): LogicalType => ({ kind: 'date' }),
  timestamp: (): LogicalType => ({ kind: 'timestamp' }),
} as const;
