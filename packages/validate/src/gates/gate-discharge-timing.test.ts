import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateDischargeTiming } from './gate-discharge-timing.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('discharge-timing', () => {
  it('passes stays drawn by the model', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 5 });
    const outcome = await gateDischargeTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails discharges at any hour and weekday', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 5, untimedDischarges: true });
    const outcome = await gateDischargeTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await syntheticStays(db, scenario, { stays: 3, seed: 9 });
    const outcome = await gateDischargeTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);
});
