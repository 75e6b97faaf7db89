import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { edProjectionSql } from './ed-projection-sql.js';

describe('edProjectionSql', () => {
  it('sums population x rate / 1000 per year, default facility and subservice', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`
      CREATE TABLE dim_site AS SELECT * FROM (VALUES (1, 'LM-SNW'), (2, 'LM-BLH')) t(site_id, site_code);
      CREATE TABLE dim_lha AS SELECT * FROM (VALUES (1, 1), (2, 2), (3, 1)) t(lha_id, default_site_id);
      CREATE TABLE population_projection AS SELECT * FROM (VALUES
        (2025, 1, '0-4', 'Female', 1000), (2025, 3, '0-4', 'Female', 500),
        (2025, 2, '0-4', 'Female', 2000), (2026, 1, '0-4', 'Female', 1100))
        t(year, lha_id, age_group, gender, population);
      CREATE TABLE ed_baseline_rates AS SELECT lha_id, '0-4' AS age_group, 'Female' AS gender,
        'Pediatric ED' AS ed_subservice, CAST(rate AS DECIMAL(8,2)) AS baserate_per_1000
        FROM (VALUES (1, 300.5), (2, 100.0), (3, 200.0)) t(lha_id, rate);`);
    const reader = await connection.runAndReadAll(
      `${edProjectionSql(['p.year = 2025'])} ORDER BY facility`,
    );
    expect(reader.getRowObjectsJson()).toEqual([
      {
        year: 2025,
        facility: 'LM-BLH',
        ed_subservice: 'Pediatric ED',
        projected_volumes: '200.00',
      },
      // 1000 x 300.5 / 1000 + 500 x 200 / 1000 at the LHAs LM-SNW serves.
      {
        year: 2025,
        facility: 'LM-SNW',
        ed_subservice: 'Pediatric ED',
        projected_volumes: '400.50',
      },
    ]);
    const all = await connection.runAndReadAll(edProjectionSql());
    expect(all.currentRowCount).toBe(3);
  });
});
