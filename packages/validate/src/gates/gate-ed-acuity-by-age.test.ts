import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticEdVisits } from '../test-synthetic-ed.js';
import { gateEdAcuityByAge } from './gate-ed-acuity-by-age.js';

const scenario = defaultScenario();
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('ed-acuity-by-age', () => {
  it('passes acuity drawn by single year of age', async () => {
    await syntheticEdVisits(db, scenario, { visits: 150_000, seed: 3 });
    const outcome = await gateEdAcuityByAge.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails acuity that steps at the age band boundaries', async () => {
    await syntheticEdVisits(db, scenario, { visits: 150_000, seed: 3, acuity: 'band' });
    const outcome = await gateEdAcuityByAge.run(await db.context());
    expect(outcome.status, outcome.message).toBe('fail');
  }, 60_000);

  it('is inconclusive on a few hundred visits', async () => {
    await syntheticEdVisits(db, scenario, { visits: 300, seed: 4 });
    const outcome = await gateEdAcuityByAge.run(await db.context());
    expect(outcome.status).toBe('inconclusive');
  }, 60_000);
});
