import { AGE_GROUPS, defaultScenario, GENDERS, singleYearAgeShares } from '@lm-synth/config';
import { categorical, createStream, uniformInt } from '@lm-synth/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { insertRows, type TestCell } from '../test-insert-rows.js';
import { gateSingleYearAges } from './gate-single-year-ages.js';

const scenario = defaultScenario();
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

/** Residents of every age group and gender, single years by the model or uniform in the band. */
async function residents(perCell: number, uniformAges: boolean) {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters', 'DELETE FROM patients');
  const source = createStream(5, 'test-single-year-ages', 0);
  const shares = singleYearAgeShares(scenario.demography);
  const [year] = scenario.referenceDate.split('-').map(Number) as [number];
  const rows: TestCell[][] = [];
  AGE_GROUPS.forEach((group, a) => {
    GENDERS.forEach((gender, g) => {
      const q = shares[a]![g]!;
      const draw = uniformAges ? uniformInt(source)(0, q.length - 1) : categorical(source)(q);
      for (let i = 0; i < perCell; i++) {
        // Born 31 December: whole age at 1 January is the offset's age.
        const age = MIN_AGES[a]! + draw();
        rows.push([`P${rows.length}`, group, gender, `${year - 1 - age}-12-31`, 'Resident']);
      }
    });
  });
  await insertRows(
    db,
    'patients',
    ['patient_id', 'age_group', 'gender', 'dob', 'entry_reason'],
    rows,
  );
}

describe('single-year-ages', () => {
  it('passes ages drawn from singleYearAgeShares', async () => {
    await residents(4000, false);
    const outcome = await gateSingleYearAges.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails ages uniform within their bands, worst where mortality is steep', async () => {
    await residents(4000, true);
    const outcome = await gateSingleYearAges.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/85\+/);
  }, 60_000);

  it('is inconclusive on a handful of residents', async () => {
    await residents(2, false);
    const outcome = await gateSingleYearAges.run(await db.context());
    expect(outcome.status).toBe('inconclusive');
  }, 60_000);
});
