import { AGE_GROUPS, defaultScenario } from '@lm-synth/config';
import { createStream, uniform, uniformInt } from '@lm-synth/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { insertRows, type TestCell } from '../test-insert-rows.js';
import { gateReadmissions30Day } from './gate-readmissions-30-day.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
const DAY = 86_400;
/** Background admissions: about 5% of people within 30 days. */
const BACKGROUND_PER_DAY = 0.0017;
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

const stamp = (seconds: number) =>
  new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * `count` Medicine, Cardiac and Renal stays discharged home, each followed by the patient's
 * next admission: a background one after an exponential wait, and - with the configured
 * 30-day probability, unless `withoutReadmissions` - an urgent readmission within 30 days,
 * whichever comes first. The next stays end in another facility, so they are no index stays.
 */
async function indexStays(count: number, withoutReadmissions = false) {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters', 'DELETE FROM patients');
  const source = createStream(10, 'test-readmissions', 0);
  const unit = uniform(source)(0, 1);
  const age = uniformInt(source)(0, 100);
  const programs = [0, 6, 7];
  const rows: TestCell[][] = [];
  const patients: TestCell[][] = [];
  for (let i = 0; i < count; i++) {
    const a = age();
    let group = 0;
    while (group + 1 < AGE_GROUPS.length && a >= Number(/^\d+/.exec(AGE_GROUPS[group + 1]!)![0]))
      group++;
    const p = programs[i % programs.length]!;
    const admit = Date.UTC(2025, 0, 1) / 1000 + unit() * 240 * DAY;
    const discharge = admit + 4 * DAY;
    let wait = -Math.log(1 - unit()) / BACKGROUND_PER_DAY;
    if (!withoutReadmissions && unit() < scenario.inpatient.readmission30[group]![p]!) {
      wait = Math.min(wait, unit() * 30);
    }
    patients.push([`P${i}`, AGE_GROUPS[group]!, 'Female', `${2025 - a}-01-01`]);
    rows.push([
      2 * i + 1,
      `P${i}`,
      1,
      p + 1,
      1,
      stamp(admit),
      stamp(discharge),
      4,
      0,
      false,
      'ED',
      null,
      null,
      'Home',
    ]);
    const next = discharge + wait * DAY;
    if (next < Date.UTC(2026, 0, 1) / 1000) {
      rows.push([
        2 * i + 2,
        `P${i}`,
        1,
        p + 1,
        1,
        stamp(next),
        stamp(next + DAY),
        1,
        0,
        false,
        'Direct',
        null,
        null,
        'Other facility',
      ]);
    }
  }
  await insertRows(db, 'patients', ['patient_id', 'age_group', 'gender', 'dob'], patients);
  await insertRows(
    db,
    'ip_stays',
    [
      'stay_id',
      'patient_id',
      'facility_id',
      'program_id',
      'subprogram_id',
      'admit_ts',
      'discharge_ts',
      'los_days',
      'alc_days',
      'alc_flag',
      'admission_source',
      'ed_encounter_id',
      'transfer_from_stay_id',
      'discharge_disposition',
    ],
    rows,
  );
}

describe('readmissions-30-day', () => {
  it('passes configured readmissions over a background of other admissions', async () => {
    await indexStays(30_000);
    const outcome = await gateReadmissions30Day.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails the background alone', async () => {
    await indexStays(30_000, true);
    const outcome = await gateReadmissions30Day.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on a few stays', async () => {
    await indexStays(6);
    expect((await gateReadmissions30Day.run(await db.context(RUN))).status).toBe('inconclusive');
  }, 60_000);
});
