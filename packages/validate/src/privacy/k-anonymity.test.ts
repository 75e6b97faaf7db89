import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { kAnonymity } from './k-anonymity.js';

let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());

describe('kAnonymity', () => {
  it('groups patients by age group, gender, LHA and home facility', async () => {
    // Six patients in six classes, then two more joining the first class.
    await db.exec(
      `INSERT INTO patients SELECT 'P10000000000' || i, lha_id, facility_home_id, age_group, gender, dob + CAST(i AS INTEGER), primary_ed_subservice, expected_ed_rate, 0,
           weight, entry_date, entry_reason, exit_date, exit_reason
         FROM patients, range(1, 3) r(i) WHERE patient_id = 'P000000000001'`,
    );
    const report = await kAnonymity(db.sql);
    expect(report.quasiIdentifiers).toEqual(['age_group', 'gender', 'lha_id', 'facility_home_id']);
    expect(report.k).toBe(1);
    expect(report.classes).toBe(6);
    expect(report.histogram).toEqual([
      { minSize: 1, maxSize: 1, classes: 5, records: 5 },
      { minSize: 3, maxSize: 4, classes: 1, records: 3 },
    ]);
    expect(report.smallestClasses).toHaveLength(6);
    expect(report.smallestClasses[0]).toEqual({
      values: { age_group: '0-4', gender: 'Male', lha_id: 5, facility_home_id: 1 },
      size: 1,
    });
    expect(report.smallestClasses.at(-1)?.size).toBe(3);
  });
});
