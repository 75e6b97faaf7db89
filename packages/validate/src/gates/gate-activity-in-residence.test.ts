import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CohortDb, cohortDb } from '../test-cohort-db.js';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { gateActivityInResidence } from './gate-activity-in-residence.js';

describe('gate activity-in-residence on an open cohort', () => {
  let db: CohortDb;
  beforeAll(async () => {
    db = await cohortDb({ patients: 400, years: 2, seed: 50 });
  }, 60_000);
  afterAll(() => db.close());

  async function planted(...statements: string[]) {
    await db.exec(
      'CREATE TABLE p0 AS SELECT * FROM patients',
      'CREATE TABLE e0 AS SELECT * FROM ed_encounters',
      'CREATE TABLE s0 AS SELECT * FROM ip_stays',
      ...statements,
    );
    const outcome = await gateActivityInResidence.run(await db.context());
    await db.exec(
      'DELETE FROM patients',
      'INSERT INTO patients SELECT * FROM p0',
      'DROP TABLE p0',
      'DELETE FROM ed_encounters',
      'INSERT INTO ed_encounters SELECT * FROM e0',
      'DROP TABLE e0',
      'DELETE FROM ip_stays',
      'INSERT INTO ip_stays SELECT * FROM s0',
      'DROP TABLE s0',
    );
    return outcome;
  }

  it('passes when all activity falls between entry and exit', async () => {
    const outcome = await gateActivityInResidence.run(await db.context());
    expect(outcome.message).toMatch(/^no /);
    expect(outcome.status).toBe('pass');
  });

  it('fails an ED visit the day after the patient left', async () => {
    const outcome = await planted(
      `UPDATE ed_encounters SET arrival_ts = TIMESTAMPTZ '2026-01-01 10:00:00+00'
        WHERE encounter_id = (SELECT min(encounter_id) FROM ed_encounters WHERE year(arrival_ts) = 2025)`,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^1 ED arrivals after the patient's exit_date/);
  });

  it('fails a stay admitted before the patient entered, and one discharged after they left', async () => {
    const outcome = await planted(
      `UPDATE ip_stays SET admit_ts = TIMESTAMPTZ '2025-12-30 10:00:00+00'
        WHERE stay_id = (SELECT min(stay_id) FROM ip_stays WHERE year(admit_ts) = 2026)`,
      `UPDATE ip_stays SET discharge_ts = TIMESTAMPTZ '2026-01-03 10:00:00+00'
        WHERE stay_id = (SELECT max(stay_id) FROM ip_stays WHERE patient_id LIKE 'P2025-%')`,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.observed, outcome.message).toBe(2);
    expect(outcome.message).toMatch(
      /1 admissions before the patient's entry_date; 1 discharges after/,
    );
  });

  it('fails an ED visit after the patient died in the ED', async () => {
    const outcome = await planted(
      `UPDATE ed_encounters SET dispo = 'Deceased' WHERE encounter_id = (
         SELECT min(encounter_id) FROM ed_encounters e WHERE EXISTS (
           SELECT 1 FROM ed_encounters later WHERE later.patient_id = e.patient_id AND later.arrival_ts > e.arrival_ts))`,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/ED arrivals after the patient died in the ED/);
  });

  it('counts the day of exit as resident on the local calendar', async () => {
    // 06:00 UTC on January 1 is still December 31 in Vancouver, the exit day.
    const outcome = await (async () => {
      await db.exec(
        'CREATE TABLE e0 AS SELECT * FROM ed_encounters',
        `UPDATE ed_encounters SET arrival_ts = TIMESTAMPTZ '2026-01-01 06:00:00+00'
          WHERE encounter_id = (SELECT min(encounter_id) FROM ed_encounters WHERE year(arrival_ts) = 2025)`,
      );
      const context = await db.context();
      // The dataset's zone (the manifest's), not the scenario's, sets the calendar.
      const zoned = { ...context, run: { ...context.run, timeZone: 'America/Vancouver' } };
      const result = await gateActivityInResidence.run(zoned);
      const utc = await gateActivityInResidence.run({
        ...context,
        run: { ...context.run, timeZone: 'UTC' },
      });
      await db.exec(
        'DELETE FROM ed_encounters',
        'INSERT INTO ed_encounters SELECT * FROM e0',
        'DROP TABLE e0',
      );
      return { result, utc };
    })();
    expect(outcome.result.status).toBe('pass');
    expect(outcome.utc.status).toBe('fail');
  });
});

describe('gate activity-in-residence on a closed cohort', () => {
  let db: FixtureDb;
  beforeAll(async () => {
    db = await fixtureDb();
  });
  afterAll(() => db.close());

  it('checks deaths only, and catches an admission after a death in the ED', async () => {
    expect((await gateActivityInResidence.run(await db.context())).status).toBe('pass');
    await db.exec(`UPDATE ed_encounters SET dispo = 'Deceased' WHERE encounter_id = 1`);
    const outcome = await gateActivityInResidence.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /ED arrivals after the patient died in the ED; 1 admissions after/,
    );
  });
});
