import { t } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { columnSqlType } from './column-sql-type.js';

describe('columnSqlType', () => {
  it('maps logical types to the blueprint §14.4 column types', () => {
    expect(columnSqlType(t.int32())).toBe('INT');
    expect(columnSqlType(t.int64())).toBe('BIGINT');
    expect(columnSqlType(t.decimal(8, 2))).toBe('DECIMAL(8,2)');
    expect(columnSqlType(t.boolean())).toBe('TINYINT(1)');
    expect(columnSqlType(t.timestamp())).toBe('DATETIME');
    expect(columnSqlType(t.enum(['Female', 'Male', 'Other'], 8))).toBe(
      "ENUM('Female','Male','Other')",
    );
    expect(columnSqlType(t.enum(null, 16))).toBe('VARCHAR(16)');
  });

  it('keeps long text out of the 64 KiB row limit', () => {
    expect(columnSqlType(t.string(2048))).toBe('VARCHAR(2048)');
    expect(columnSqlType(t.string(8192))).toBe('TEXT');
    expect(columnSqlType(t.string(65_535))).toBe('MEDIUMTEXT');
    expect(columnSqlType(t.string(5_000_000))).toBe('LONGTEXT');
  });
});
