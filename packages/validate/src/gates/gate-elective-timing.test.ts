import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateElectiveTiming } from './gate-elective-timing.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('elective-timing', () => {
  it('passes stays drawn by the model', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 2 });
    const outcome = await gateElectiveTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails electives on any day and hour', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 2, untimedAdmissions: true });
    const outcome = await gateElectiveTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await syntheticStays(db, scenario, { stays: 3, seed: 9 });
    const outcome = await gateElectiveTiming.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);
});
