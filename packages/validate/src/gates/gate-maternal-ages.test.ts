import { defaultScenario } from '@lm-synth/config';
import { categorical, createStream, uniformInt } from '@lm-synth/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { insertRows, type TestCell } from '../test-insert-rows.js';
import { gateMaternalAges } from './gate-maternal-ages.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

/**
 * Women aged 10-69 evenly (born 1 January, so one whole age all year), and `stays` Labour
 * & Delivery stays of the start year at ages drawn by maternal_age_rates - or, planted,
 * evenly over 15-64.
 */
async function mothers(women: number, stays: number, evenAges = false) {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters', 'DELETE FROM patients');
  const source = createStream(9, 'test-maternal-ages', 0);
  const age = uniformInt(source)(10, 69);
  const year = scenario.startYear;
  const byAge = new Map<number, string[]>();
  const patients: TestCell[][] = [];
  for (let i = 0; i < women; i++) {
    const a = age();
    const id = `P${i}`;
    byAge.set(a, [...(byAge.get(a) ?? []), id]);
    patients.push([id, 'Female', `${year - a}-01-01`, '2025-01-01', 'Resident']);
  }
  const rates = scenario.inpatient.maternalAgeRates;
  const drawAge = evenAges ? uniformInt(source)(15, 64) : categorical(source)(rates);
  const day = uniformInt(source)(0, 360);
  const rows: TestCell[][] = [];
  for (let i = 0; i < stays; i++) {
    const ids = byAge.get(drawAge())!;
    const admit = new Date(Date.UTC(year, 0, 1) + day() * 86_400_000 + 36_000_000);
    const stamp = admit.toISOString().slice(0, 19).replace('T', ' ');
    rows.push([
      i + 1,
      ids[i % ids.length]!,
      1,
      3,
      1,
      stamp,
      stamp,
      1,
      0,
      false,
      'Direct',
      null,
      null,
      'Home',
    ]);
  }
  await insertRows(
    db,
    'patients',
    ['patient_id', 'gender', 'dob', 'entry_date', 'entry_reason'],
    patients,
  );
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

describe('maternal-ages', () => {
  it('passes stays at ages drawn by the maternal age rates', async () => {
    await mothers(60_000, 5000);
    const outcome = await gateMaternalAges.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails maternity stays spread evenly over 15-64', async () => {
    await mothers(60_000, 5000, true);
    const outcome = await gateMaternalAges.run(await db.context(RUN));
    expect(outcome.status).toBe('fail');
    expect(outcome.details?.worst?.map((check) => check.key)).toContain(
      'maternity stays outside ages 15-49',
    );
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await mothers(1000, 3);
    expect((await gateMaternalAges.run(await db.context(RUN))).status).toBe('inconclusive');
  }, 60_000);
});
