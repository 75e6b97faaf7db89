import { t } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { mysqlJsonValue } from './mysql-json-value.js';

describe('mysqlJsonValue', () => {
  it('writes DATETIME as the DuckDB source writes TIMESTAMPTZ, to the microsecond', () => {
    expect(mysqlJsonValue(t.timestamp(), '2025-05-10 16:43:47')).toBe('2025-05-10T16:43:47.000Z');
    expect(mysqlJsonValue(t.timestamp(), '2025-05-10 16:43:47.250000')).toBe(
      '2025-05-10T16:43:47.250Z',
    );
    expect(mysqlJsonValue(t.timestamp(), '1969-12-31 23:59:59.999999')).toBe(
      '1969-12-31T23:59:59.999999Z',
    );
  });

  it('turns BIGINT and DECIMAL strings into numbers, keeping unsafe integers as strings', () => {
    expect(mysqlJsonValue(t.int64(), '10000000001')).toBe(10_000_000_001);
    expect(mysqlJsonValue(t.int64(), '9007199254740993')).toBe('9007199254740993');
    expect(mysqlJsonValue(t.decimal(8, 4), '0.4389')).toBe(0.4389);
  });

  it('reads TINYINT(1) as a boolean and keeps nulls', () => {
    expect(mysqlJsonValue(t.boolean(), 1)).toBe(true);
    expect(mysqlJsonValue(t.boolean(), 0)).toBe(false);
    expect(mysqlJsonValue(t.date(), null)).toBeNull();
    expect(mysqlJsonValue(t.date(), '1953-10-10')).toBe('1953-10-10');
  });
});
