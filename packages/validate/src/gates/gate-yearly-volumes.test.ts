import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CohortDb, cohortDb } from '../test-cohort-db.js';
import { gateYearlyVolumes } from './gate-yearly-volumes.js';

describe('gate yearly-volumes', () => {
  let db: CohortDb;
  beforeAll(async () => {
    db = await cohortDb({ patients: 30_000, years: 2, seed: 40 });
  }, 120_000);
  afterAll(() => db.close());

  it('passes weighted yearly ED visits drawn from the scenario, each year detectable', async () => {
    await db.exec('CREATE TABLE stays AS SELECT * FROM ip_stays', 'DELETE FROM ip_stays');
    const outcome = await gateYearlyVolumes.run(await db.context());
    await db.exec('INSERT INTO ip_stays SELECT * FROM stays', 'DROP TABLE stays');
    expect(outcome.status, outcome.message).toBe('pass');
    expect(outcome.details?.checks).toBe(2);
  });

  it('checks no later year than the last ED arrival, whatever stays spill over', async () => {
    await db.exec(
      `INSERT INTO ip_stays SELECT 999999, patient_id, facility_id, TIMESTAMPTZ '2027-01-01 03:00:00+00',
         TIMESTAMPTZ '2027-01-02 03:00:00+00', 1, 'ED' FROM ip_stays LIMIT 1`,
    );
    const outcome = await gateYearlyVolumes.run(await db.context());
    await db.exec('DELETE FROM ip_stays WHERE stay_id = 999999');
    expect(outcome.details?.years).toBe(2);
  });

  it('calls the growth of bed-days of 30,000 patients inconclusive: their LOS tails hide 10%', async () => {
    const outcome = await gateYearlyVolumes.run(await db.context());
    expect(outcome.status, outcome.message).toBe('inconclusive');
    // ED visits in both years; bed-days from the second year on, against the start year's.
    expect(outcome.details?.checks).toBe(3);
    expect(outcome.details?.undetectable).toEqual(['2026 bed-days']);
  });

  it('fails when one year has 40% more bed-days', async () => {
    await db.exec(`UPDATE ip_stays SET los_days = los_days * 1.4 WHERE year(admit_ts) = 2026`);
    const outcome = await gateYearlyVolumes.run(await db.context());
    await db.exec(`UPDATE ip_stays SET los_days = los_days / 1.4 WHERE year(admit_ts) = 2026`);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/worst 2026 bed-days/);
  });

  it('fails when one year has 15% fewer ED visits', async () => {
    await db.exec(
      `CREATE TABLE kept AS SELECT * FROM ed_encounters`,
      `DELETE FROM ed_encounters WHERE year(arrival_ts) = 2026 AND encounter_id % 20 < 3`,
    );
    const outcome = await gateYearlyVolumes.run(await db.context());
    await db.exec(
      'DELETE FROM ed_encounters',
      'INSERT INTO ed_encounters SELECT * FROM kept',
      'DROP TABLE kept',
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/worst 2026 ED visits/);
  });

  it('fails when every patient claims to stand for 20% more residents', async () => {
    await db.exec('UPDATE patients SET weight = weight * 1.2');
    const outcome = await gateYearlyVolumes.run(await db.context());
    await db.exec('UPDATE patients SET weight = weight / 1.2');
    expect(outcome.status).toBe('fail');
  });
});

describe('gate yearly-volumes on a small dataset', () => {
  it('is inconclusive, not passing, when a 10% deviation would go unseen', async () => {
    const db = await cohortDb({ patients: 1_500, years: 2, seed: 41 });
    try {
      const outcome = await gateYearlyVolumes.run(await db.context());
      expect(outcome.status, outcome.message).toBe('inconclusive');
      expect(outcome.message).toMatch(/too small to detect a 10% deviation/);
    } finally {
      db.close();
    }
  });

  it('says info for a dataset whose patients carry no weight', async () => {
    const db = await cohortDb({ patients: 200, years: 1, seed: 42 });
    try {
      await db.exec('ALTER TABLE patients DROP COLUMN weight');
      const outcome = await gateYearlyVolumes.run(await db.context());
      expect(outcome.status).toBe('info');
    } finally {
      db.close();
    }
  });
});
