import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { localDateSql } from './local-date-sql.js';

const run = { timeZone: 'America/Vancouver', startYear: 2025, horizonYears: 10 };

async function local(instant: string, part: Parameters<typeof localDateSql>[2]) {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT CAST(${localDateSql(`TIMESTAMPTZ '${instant}'`, run, part)} AS VARCHAR) AS v`,
    );
    return reader.getRowObjectsJson()[0]!.v;
  } finally {
    connection.closeSync();
  }
}

describe('localDateSql', () => {
  it('reads the local wall clock on both sides of daylight saving', async () => {
    expect(await local('2025-03-09 09:59:59+00', 'hour')).toBe('1'); // PST
    expect(await local('2025-03-09 10:00:00+00', 'hour')).toBe('3'); // PDT
    expect(await local('2025-07-01 06:30:00+00', 'date')).toBe('2025-06-30');
    expect(await local('2026-01-01 07:59:59+00', 'year')).toBe('2025');
    expect(await local('2026-01-01 08:00:00+00', 'year')).toBe('2026');
    expect(await local('2025-06-02 06:00:00+00', 'weekday')).toBe('6'); // Sunday 1 June, 23:00
    expect(await local('2025-02-01 07:00:00+00', 'month')).toBe('1');
  });

  it("follows Node's tz data where a bundled ICU may differ (winter 2026 in Vancouver is PST)", async () => {
    expect(await local('2026-11-18 07:36:01+00', 'date')).toBe('2026-11-17');
  });
});
