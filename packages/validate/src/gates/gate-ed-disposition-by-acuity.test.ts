import { defaultScenario } from '@lm-synth/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { syntheticEdVisits } from '../test-synthetic-ed.js';
import { gateEdDispositionByAcuity } from './gate-ed-disposition-by-acuity.js';

const scenario = defaultScenario();
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

describe('ed-disposition-by-acuity', () => {
  it('passes visits whose disposition follows their acuity', async () => {
    await syntheticEdVisits(db, scenario, { visits: 150_000, seed: 1 });
    const outcome = await gateEdDispositionByAcuity.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
  }, 60_000);

  it('fails dispositions that ignore acuity, naming an Admitted or LWBS share', async () => {
    await syntheticEdVisits(db, scenario, { visits: 150_000, seed: 1, disposition: 'flat' });
    const outcome = await gateEdDispositionByAcuity.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/CTAS \d (Admitted|Left Without Being Seen|Deceased)/);
  }, 60_000);

  it('fails a death at an Urgent Care Centre', async () => {
    await syntheticEdVisits(db, scenario, { visits: 150_000, seed: 1 });
    await db.exec(
      `UPDATE ed_encounters SET dispo = 'Deceased' WHERE encounter_id = (SELECT min(encounter_id) FROM ed_encounters WHERE ed_subservice = 'Urgent Care Centre')`,
    );
    const outcome = await gateEdDispositionByAcuity.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.details?.worst?.map((check) => check.key)).toContain(
      'deaths at Urgent Care Centres',
    );
  }, 60_000);

  it('is inconclusive on a few hundred visits', async () => {
    await syntheticEdVisits(db, scenario, { visits: 300, seed: 2 });
    const outcome = await gateEdDispositionByAcuity.run(await db.context());
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.message).toMatch(/decisive from/);
  }, 60_000);
});
