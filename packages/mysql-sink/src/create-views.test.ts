import { rateViewSql } from '@lm-synth/dims';
import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { withTestDatabase } from './test-database.js';

// createViews itself runs in every load test (load-dataset.test.ts); here the rate views'
// SQL, which needs patients.weight, runs on the server against hand-made tables.
describe('rate views on MySQL/MariaDB', () => {
  it('weights events, bands ages at January 1 and divides by the projected population', async () => {
    await withTestDatabase(async ({ admin }) => {
      for (const statement of [
        `CREATE TABLE population_projection (year INT, lha_id INT,
           age_group ENUM('0-4','5-14','15-24','25-44','45-64','65-74','75-84','85+') COLLATE utf8mb4_bin,
           gender ENUM('Female','Male','Other') COLLATE utf8mb4_bin, population INT)`,
        `INSERT INTO population_projection VALUES (2025, 1, '0-4', 'Female', 1000),
           (2025, 1, '5-14', 'Female', 2000), (2026, 1, '0-4', 'Female', 1000), (2026, 1, '5-14', 'Female', 4000)`,
        `CREATE TABLE patients (patient_id VARCHAR(24) COLLATE utf8mb4_bin, lha_id INT,
           gender ENUM('Female','Male','Other') COLLATE utf8mb4_bin, dob DATE, weight DECIMAL(12,4),
           entry_date DATE, entry_reason ENUM('Resident','Birth','In-migration') COLLATE utf8mb4_bin, exit_date DATE)`,
        `INSERT INTO patients VALUES ('A', 1, 'Female', '2020-06-01', 100, '2025-01-01', 'Resident', NULL),
           ('B', 1, 'Female', '2026-03-01', 100, '2026-03-01', 'Birth', NULL),
           ('C', 1, 'Female', '2021-01-01', 100, '2025-01-01', 'Resident', NULL)`,
        'CREATE TABLE ed_encounters (patient_id VARCHAR(24) COLLATE utf8mb4_bin, arrival_ts DATETIME(6))',
        `INSERT INTO ed_encounters VALUES ('A', '2025-03-01 10:00:00'), ('A', '2026-03-01 10:00:00'),
           ('B', '2026-12-01 10:00:00'), ('C', '2025-12-31 23:30:00'), ('C', '2026-01-01 07:30:00')`,
        `CREATE TABLE ip_stays (patient_id VARCHAR(24) COLLATE utf8mb4_bin, admit_ts DATETIME(6), los_days DECIMAL(8,2))`,
        `INSERT INTO ip_stays VALUES ('A', '2025-05-01 00:00:00', 2.5), ('C', '2026-05-01 00:00:00', 4)`,
        `CREATE VIEW v_ed_rates AS ${rateViewSql('ed-visits', { dialect: 'mysql' })}`,
        `CREATE VIEW v_bed_day_rates AS ${rateViewSql('bed-days', { dialect: 'mysql' })}`,
      ])
        await admin.query(statement);
      const [ed] = await admin.query<RowDataPacket[]>(
        'SELECT year, age_group, visits, weighted_visits, population, visits_per_1000 FROM v_ed_rates ORDER BY year, age_group',
      );
      // Person-years as in DuckDB: B from birth (306 of 365 days of 2026).
      const [exposure] = await admin.query<RowDataPacket[]>(
        'SELECT person_years, visits_per_1000_person_years FROM v_ed_rates ORDER BY year, age_group',
      );
      expect(exposure.map((row) => [row.person_years, row.visits_per_1000_person_years])).toEqual([
        ['200.00', '1000.00'],
        ['0.00', null],
        ['83.84', '1192.81'],
        ['200.00', '1000.00'],
      ]);
      expect(ed.map((row) => ({ ...row }))).toEqual([
        {
          year: 2025,
          age_group: '0-4',
          visits: 2,
          weighted_visits: '200.00',
          population: 1000,
          visits_per_1000: '200.00',
        },
        {
          year: 2025,
          age_group: '5-14',
          visits: 0,
          weighted_visits: '0.00',
          population: 2000,
          visits_per_1000: '0.00',
        },
        {
          year: 2026,
          age_group: '0-4',
          visits: 1,
          weighted_visits: '100.00',
          population: 1000,
          visits_per_1000: '100.00',
        },
        {
          year: 2026,
          age_group: '5-14',
          visits: 2,
          weighted_visits: '200.00',
          population: 4000,
          visits_per_1000: '50.00',
        },
      ]);
      const [beds] = await admin.query<RowDataPacket[]>(
        'SELECT year, age_group, bed_days, bed_days_per_1000 FROM v_bed_day_rates WHERE bed_days > 0 ORDER BY year',
      );
      expect(beds.map((row) => ({ ...row }))).toEqual([
        { year: 2025, age_group: '0-4', bed_days: '2.50', bed_days_per_1000: '250.00' },
        { year: 2026, age_group: '5-14', bed_days: '4.00', bed_days_per_1000: '100.00' },
      ]);
    });
  });
});
