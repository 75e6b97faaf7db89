import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { rateViewSql } from './rate-view-sql.js';

async function fixture() {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`
    CREATE TABLE population_projection AS SELECT * FROM (VALUES
      (2025, 1, '0-4', 'Female', 1000), (2025, 1, '5-14', 'Female', 2000),
      (2026, 1, '0-4', 'Female', 1000), (2026, 1, '5-14', 'Female', 4000))
      t(year, lha_id, age_group, gender, population);
    CREATE TABLE dim_scenario AS SELECT 'UTC' AS time_zone;
    CREATE TABLE patients AS SELECT patient_id, 1 AS lha_id, 'Female' AS gender, dob,
      CAST(weight AS DECIMAL(12,4)) AS weight, entry_date, entry_reason, exit_date FROM (VALUES
      ('A', DATE '2020-06-01', 100.0, DATE '2025-01-01', 'Resident', NULL::DATE),  -- 4 at 2025-01-01, 5 at 2026-01-01
      ('B', DATE '2026-03-01', 100.0, DATE '2026-03-01', 'Birth', NULL),  -- born in 2026: the youngest band that year
      ('C', DATE '2021-01-01', 100.0, DATE '2025-01-01', 'Resident', NULL))  -- 4 on 2025-01-01 exactly, 5 on 2026-01-01
      t(patient_id, dob, weight, entry_date, entry_reason, exit_date);
    CREATE TABLE ed_encounters AS SELECT patient_id, CAST(ts AS TIMESTAMPTZ) AS arrival_ts FROM (VALUES
      ('A', '2025-03-01 10:00:00+00'), ('A', '2026-03-01 10:00:00+00'),
      ('B', '2026-12-01 10:00:00+00'), ('C', '2025-12-31 23:30:00+00'),
      ('C', '2026-01-01 07:30:00+00')) t(patient_id, ts);
    CREATE TABLE ip_stays AS SELECT patient_id, CAST(ts AS TIMESTAMPTZ) AS admit_ts,
      CAST(los AS DECIMAL(8,2)) AS los_days FROM (VALUES
      ('A', '2025-05-01 00:00:00+00', 2.5), ('C', '2026-05-01 00:00:00+00', 4)) t(patient_id, ts, los);`);
  return connection;
}

describe('rateViewSql', () => {
  it('weights ED visits by patient and divides by the projected population, by age at January 1', async () => {
    const connection = await fixture();
    const reader = await connection.runAndReadAll(
      `${rateViewSql('ed-visits', { dialect: 'duckdb' })} ORDER BY year, age_group`,
    );
    const rows = reader.getRowObjectsJson();
    // Person-years: A and C all of 2025 in 0-4 and all of 2026 in 5-14; B from birth
    // (1 March 2026: 306 of 365 days) in 0-4, each patient standing for 100 residents.
    expect(rows.map((row) => row.person_years)).toEqual(['200.00', '0.00', '83.84', '200.00']);
    expect(rows.map((row) => row.visits_per_1000_person_years)).toEqual([
      '1000.00',
      null,
      '1192.81',
      '1000.00',
    ]);
    expect(rows).toMatchObject([
      // 2025: A (4) and C (4, the visit at 23:30 UTC on 31 December).
      {
        year: 2025,
        lha_id: 1,
        age_group: '0-4',
        gender: 'Female',
        visits: '2',
        weighted_visits: '200.00',
        population: 1000,
        visits_per_1000: '200.00',
      },
      {
        year: 2025,
        lha_id: 1,
        age_group: '5-14',
        gender: 'Female',
        visits: '0',
        weighted_visits: '0.00',
        population: 2000,
        visits_per_1000: '0.00',
      },
      // 2026: B, born that year, in 0-4; A and C now 5.
      {
        year: 2026,
        lha_id: 1,
        age_group: '0-4',
        gender: 'Female',
        visits: '1',
        weighted_visits: '100.00',
        population: 1000,
        visits_per_1000: '100.00',
      },
      {
        year: 2026,
        lha_id: 1,
        age_group: '5-14',
        gender: 'Female',
        visits: '2',
        weighted_visits: '200.00',
        population: 4000,
        visits_per_1000: '50.00',
      },
    ]);
  });

  it('counts an event in the calendar year of the time zone asked for', async () => {
    const connection = await fixture();
    const reader = await connection.runAndReadAll(
      `SELECT year, sum(visits)::INT AS visits FROM (${rateViewSql('ed-visits', { dialect: 'duckdb', timeZone: 'America/Vancouver' })}) GROUP BY year ORDER BY year`,
    );
    // 2026-01-01 07:30 UTC is 23:30 on 31 December in Vancouver.
    expect(reader.getRowObjectsJson()).toEqual([
      { year: 2025, visits: 3 },
      { year: 2026, visits: 2 },
    ]);
  });

  it('sums weighted bed-days by admission year', async () => {
    const connection = await fixture();
    const reader = await connection.runAndReadAll(
      `SELECT year, age_group, bed_days, weighted_bed_days, bed_days_per_1000
       FROM (${rateViewSql('bed-days', { dialect: 'duckdb' })}) WHERE bed_days > 0 ORDER BY year`,
    );
    expect(reader.getRowObjectsJson()).toEqual([
      {
        year: 2025,
        age_group: '0-4',
        bed_days: '2.50',
        weighted_bed_days: '250.00',
        bed_days_per_1000: '250.00',
      },
      {
        year: 2026,
        age_group: '5-14',
        bed_days: '4.00',
        weighted_bed_days: '400.00',
        bed_days_per_1000: '100.00',
      },
    ]);
  });
});
