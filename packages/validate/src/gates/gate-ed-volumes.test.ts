import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { cohortDb } from '../test-cohort-db.js';
import { gateEdVolumes } from './gate-ed-volumes.js';

describe('gate ed-volumes on an open cohort', () => {
  it('counts only the patients resident on January 1 of the start year, and their visits', async () => {
    const db = await cohortDb({ patients: 500, years: 2, seed: 80 });
    try {
      const { scenario } = db;
      const checks = (scenario.lhas.length + scenario.sites.length) * ED_SUBSERVICES.length;
      const before = await gateEdVolumes.run(await db.context());
      expect(before.details?.checks).toBe(checks);
      // Start-year visits of patients who entered later would count against nobody's expectation.
      await db.exec(
        `UPDATE ed_encounters SET arrival_ts = arrival_ts - INTERVAL 1 YEAR
          WHERE patient_id LIKE 'P2026-%'`,
      );
      const after = await gateEdVolumes.run(await db.context());
      expect(after.observed).toBe(before.observed);
      expect(after.details?.worst).toEqual(before.details?.worst);
    } finally {
      db.close();
    }
  }, 60_000);
});
