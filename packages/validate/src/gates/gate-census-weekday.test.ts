import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateCensusWeekday } from './gate-census-weekday.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('census-weekday', () => {
  it('passes stays drawn by the model', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 6 });
    const outcome = await gateCensusWeekday.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  // A year of 100,000 untimed stays cannot rule out a weekday effect of 10% of a day's
  // discharges (the census wanders by more from week to week): not a pass, but no verdict.
  it('does not pass a census the same every weekday', async () => {
    await syntheticStays(db, scenario, {
      stays: 100_000,
      seed: 6,
      untimedDischarges: true,
      untimedAdmissions: true,
    });
    const outcome = await gateCensusWeekday.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await syntheticStays(db, scenario, { stays: 3, seed: 9 });
    const outcome = await gateCensusWeekday.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);
});
