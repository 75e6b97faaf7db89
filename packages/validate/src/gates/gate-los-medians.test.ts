import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticStays } from '../test-synthetic-stays.js';
import { gateLosMedians } from './gate-los-medians.js';

const scenario = defaultScenario();
const RUN = { timeZone: 'UTC', horizonYears: 1 };
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('los-medians', () => {
  it('passes acute days drawn with the age factor, held to the discharge day', async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 11 });
    const outcome = await gateLosMedians.run(await db.context(RUN));
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it("fails Medicine's acute days doubled, naming Medicine", async () => {
    await syntheticStays(db, scenario, { stays: 100_000, seed: 11 });
    await db.exec(
      `UPDATE ip_stays SET los_days = 2 * los_days - alc_days,
         discharge_ts = admit_ts + to_seconds(CAST((2 * los_days - alc_days) * 86400 AS BIGINT)) WHERE program_id = 1`,
    );
    const outcome = await gateLosMedians.run(await db.context(RUN));
    expect(outcome.status).toBe('fail');
    expect(outcome.details?.worst?.every((check) => check.key.startsWith('Medicine /'))).toBe(true);
  }, 60_000);
});
