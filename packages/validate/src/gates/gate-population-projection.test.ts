import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { gatePopulationProjection } from './gate-population-projection.js';

let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());

async function run() {
  return gatePopulationProjection.run(await db.context());
}

describe('population-projection gate', () => {
  it("passes the scenario's own projection and reports its 65+ shares", async () => {
    const outcome = await run();
    expect(outcome).toMatchObject({ status: 'pass', observed: 0 });
    const shares = outcome.details?.share65Plus as number[];
    expect(shares).toHaveLength(10);
    expect(shares[0]).toBeCloseTo(0.197, 3);
  });

  it('fails two cells swapped within an LHA-year, totals intact', async () => {
    await db.exec(
      `UPDATE population_projection SET population = CASE age_group
         WHEN '65-74' THEN (SELECT population FROM population_projection WHERE year = 2030 AND lha_id = 3 AND age_group = '25-44' AND gender = 'Male')
         ELSE (SELECT population FROM population_projection WHERE year = 2030 AND lha_id = 3 AND age_group = '65-74' AND gender = 'Male') END
       WHERE year = 2030 AND lha_id = 3 AND gender = 'Male' AND age_group IN ('25-44', '65-74')`,
    );
    const outcome = await run();
    expect(outcome.status).toBe('fail');
    expect(outcome.details).toMatchObject({ cells: 2, lhaTotals: 0 });
    expect(outcome.message).toMatch(/2030 North Shoreline 25-44 Male: \d+, expected \d+/);
  });

  it('fails a person added to one cell: the cell and its LHA total', async () => {
    await db.exec(
      `UPDATE population_projection SET population = population + 1
       WHERE year = 2027 AND lha_id = 1 AND age_group = '0-4' AND gender = 'Female'`,
    );
    const outcome = await run();
    expect(outcome).toMatchObject({ status: 'fail', observed: 2 });
    expect(outcome.message).toMatch(/2027 Harborview total \d+, growth gives \d+/);
  });

  it('fails frozen age shares: the 65+ share no longer rises', async () => {
    // Every later year split like the start year, the projection lm-synth made before.
    await db.exec(
      `UPDATE population_projection p SET population = round(t.total * s.share)
       FROM (SELECT year, lha_id, sum(population) AS total FROM population_projection GROUP BY ALL) t,
            (SELECT lha_id, age_group, gender, population / sum(population) OVER (PARTITION BY lha_id) AS share
               FROM population_projection WHERE year = 2025) s
       WHERE p.year > 2025 AND t.year = p.year AND t.lha_id = p.lha_id
         AND s.lha_id = p.lha_id AND s.age_group = p.age_group AND s.gender = p.gender`,
    );
    const outcome = await run();
    expect(outcome.status).toBe('fail');
    expect(outcome.details?.share65PlusSteps).toBeGreaterThan(0);
    expect(outcome.message).toMatch(/65\+ share 20\d\d \d+\.\d+% does not rise/);
  });

  it('fails missing and unknown rows', async () => {
    await db.exec(
      `DELETE FROM population_projection WHERE year = 2034 AND lha_id = 12 AND age_group = '85+' AND gender = 'Other'`,
      `INSERT INTO population_projection VALUES (2035, 1, '0-4', 'Female', 10)`,
    );
    const outcome = await run();
    expect(outcome.status).toBe('fail');
    expect(outcome.details).toMatchObject({ cells: 2, lhaTotals: 1 });
  });

  it("follows the run's projection years", async () => {
    await db.exec(`DELETE FROM population_projection WHERE year > 2029`);
    const outcome = gatePopulationProjection.run(await db.context({ horizonYears: 5 }));
    await expect(outcome).resolves.toMatchObject({ status: 'pass' });
  });
});
