import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { edProjectionSql } from './ed-projection-sql.js';
import { edRoutedProjectionSql } from './ed-routed-projection-sql.js';

describe('edRoutedProjectionSql', () => {
  it("spreads each LHA's volume over the facilities of its routing", async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`
      CREATE TYPE sub AS ENUM ('Adult ED', 'Pediatric ED');
      CREATE TABLE dim_site AS SELECT * FROM (VALUES (1, 'LM-SNW'), (2, 'LM-BLH')) t(site_id, site_code);
      CREATE TABLE dim_lha AS SELECT * FROM (VALUES (1, 1), (2, 2)) t(lha_id, default_site_id);
      CREATE TABLE population_projection AS SELECT * FROM (VALUES
        (2025, 1, '0-4', 'Female', 1000), (2025, 2, '0-4', 'Female', 2000))
        t(year, lha_id, age_group, gender, population);
      CREATE TABLE ed_baseline_rates AS SELECT lha_id, '0-4' AS age_group, 'Female' AS gender,
        CAST('Pediatric ED' AS sub) AS ed_subservice, CAST(rate AS DECIMAL(8,2)) AS baserate_per_1000
        FROM (VALUES (1, 300.0), (2, 100.0)) t(lha_id, rate);
      -- LHA 1 sends all its Pediatric ED visits to LM-BLH; LHA 2 a quarter to LM-SNW.
      CREATE TABLE ed_routing AS SELECT lha_id, CAST(sub AS sub) AS ed_subservice, facility_id,
        CAST(share AS DECIMAL(10,8)) AS share
        FROM (VALUES (1, 'Pediatric ED', 2, 1.0), (2, 'Pediatric ED', 2, 0.75),
                     (2, 'Pediatric ED', 1, 0.25)) t(lha_id, sub, facility_id, share);`);
    const reader = await connection.runAndReadAll(
      `${edRoutedProjectionSql(['p.year = 2025'])} ORDER BY facility`,
    );
    expect(reader.getRowObjectsJson()).toEqual([
      // 1000 x 300 / 1000 + 0.75 x 2000 x 100 / 1000
      {
        year: 2025,
        facility: 'LM-BLH',
        ed_subservice: 'Pediatric ED',
        projected_volumes: '450.00',
      },
      { year: 2025, facility: 'LM-SNW', ed_subservice: 'Pediatric ED', projected_volumes: '50.00' },
    ]);
    // Routing moves volume between facilities; the total stays the §10 total.
    const totals = await connection.runAndReadAll(
      `SELECT (SELECT sum(projected_volumes) FROM (${edProjectionSql()})) AS blueprint,
              (SELECT sum(projected_volumes) FROM (${edRoutedProjectionSql()})) AS routed`,
    );
    expect(totals.getRowObjectsJson()).toEqual([{ blueprint: '500.00', routed: '500.00' }]);
  });
});
