import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateAlcDays } from './gate-alc-days.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('alc-days', () => {
  it('passes stays drawn by the model', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 7 });
    const outcome = await gateAlcDays.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails ALC stays clamped to the threshold', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 7, alcClamp: true });
    const outcome = await gateAlcDays.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await syntheticStays(db, scenario, { stays: 3, seed: 9 });
    const outcome = await gateAlcDays.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);
});
