import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateDischargeDisposition } from './gate-discharge-disposition.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('discharge-disposition', () => {
  it('passes stays drawn by the model', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 8 });
    const outcome = await gateDischargeDisposition.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails stays that all end at home', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 8, noOutcomes: true });
    const outcome = await gateDischargeDisposition.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on three stays', async () => {
    await syntheticStays(db, scenario, { stays: 3, seed: 9 });
    const outcome = await gateDischargeDisposition.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('inconclusive');
  }, 60_000);
});
