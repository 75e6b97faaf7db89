import type { Scenario } from '@lm-synth/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CohortDb, cohortDb } from '../test-cohort-db.js';
import { gateOccupancyBand } from './gate-occupancy-band.js';

/** capacity_daily from the stays: midnight census, beds = the site-year's mean census / 0.85. */
const CAPACITY = [
  `CREATE TABLE census AS SELECT d::DATE AS date, f.site_id,
     (SELECT count(*) FROM ip_stays s WHERE s.facility_id = f.site_id
        AND s.admit_ts <= d AND s.discharge_ts > d) AS census
   FROM range(TIMESTAMPTZ '2025-01-01 00:00:00+00', TIMESTAMPTZ '2027-01-01 00:00:00+00', INTERVAL 1 DAY) r(d),
        (SELECT DISTINCT facility_id AS site_id FROM ip_stays) f`,
  `CREATE TABLE capacity_daily AS SELECT c.date, c.site_id,
     greatest(1, CAST(ceil(m.mean / 0.85) AS INTEGER)) AS staffed_beds, c.census
   FROM census c JOIN (SELECT site_id, year(date) AS year, avg(census) AS mean FROM census GROUP BY ALL) m
     ON m.site_id = c.site_id AND m.year = year(c.date)`,
];

describe('gate occupancy-band', () => {
  let db: CohortDb;
  let scenario: Scenario;
  beforeAll(async () => {
    db = await cohortDb({ patients: 30_000, years: 2, seed: 60 });
    await db.exec(...CAPACITY);
    scenario = {
      ...db.scenario,
      capacity: { targetOccupancy: 0.85, occupancyBand: [0.75, 0.95] },
    } as Scenario;
  }, 120_000);
  afterAll(() => db.close());

  const run = async (bandScenario: Scenario = scenario) => {
    const context = await db.context();
    return gateOccupancyBand.run({
      ...context,
      rowCounts: new Map([...context.rowCounts, ['capacity_daily', 1]]),
      scenario: bandScenario,
    });
  };

  it('passes the large sites and calls the small ones inconclusive', async () => {
    const outcome = await run();
    expect(['pass', 'inconclusive']).toContain(outcome.status);
    expect(outcome.details?.worst?.every((check) => check.passed)).toBe(true);
    const undetectable = (outcome.details?.undetectable ?? []) as string[];
    expect(undetectable.length).toBeLessThan(outcome.details!.checks!);
  });

  it('fails a site whose beds were doubled one year', async () => {
    const [row] = await db.sql.rows(
      'SELECT site_id FROM capacity_daily GROUP BY site_id ORDER BY sum(census) DESC LIMIT 1',
    );
    await db.exec(
      `UPDATE capacity_daily SET staffed_beds = staffed_beds * 2 WHERE site_id = ${row!.site_id} AND year(date) = 2026`,
    );
    const outcome = await run();
    await db.exec(
      `UPDATE capacity_daily SET staffed_beds = staffed_beds / 2 WHERE site_id = ${row!.site_id} AND year(date) = 2026`,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/2026/);
  });

  it('is inconclusive on a sample too small to size its census', async () => {
    const small = await cohortDb({ patients: 300, years: 2, seed: 61 });
    try {
      await small.exec(...CAPACITY);
      const context = await small.context();
      const outcome = await gateOccupancyBand.run({
        ...context,
        rowCounts: new Map([...context.rowCounts, ['capacity_daily', 1]]),
        scenario,
      });
      expect(outcome.status, outcome.message).toBe('inconclusive');
    } finally {
      small.close();
    }
  });

  it('says info when the scenario has no occupancy band', async () => {
    // A scenario written before capacity followed demand (the defaults now set a band).
    const { capacity: _capacity, ...unbanded } = db.scenario;
    expect((await run(unbanded as Scenario)).status).toBe('info');
  });
});
