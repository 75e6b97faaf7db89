import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { cohortDb } from '../test-cohort-db.js';
import { editTable } from '../test-edit-table.js';
import { writeTestDataset } from '../test-write-dataset.js';
import { validate } from '../validate.js';
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
      // 500 patients cannot see a 10% deviation in any cell: inconclusive, never pass.
      expect(before.status).toBe('inconclusive');
      expect(before.message).toMatch(/decisive from about [\d,]+ patients/);
      expect(before.details?.decisiveAtPatients).toBeGreaterThan(500);
      const after = await gateEdVolumes.run(await db.context());
      expect(after.observed).toBe(before.observed);
      expect(after.details?.worst).toEqual(before.details?.worst);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('gate ed-volumes exposure', () => {
  it('expects a resident who leaves mid-year to visit only until their exit', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lm-synth-exposure-'));
    const scenario = defaultScenario();
    const status = async (dir: string) =>
      (await validate(dir, scenario)).gates.find((gate) => gate.id === 'ed-volumes')!;
    try {
      // One encounter year is all this needs.
      const base = join(root, 'base');
      await writeTestDataset(base, { patients: 20_000, seed: 21, encounterYears: 1 });
      // At 20,000 patients small cells cannot see a 10% deviation: the gate may say inconclusive.
      expect((await status(base)).status).not.toBe('fail');
      // The second half of the start year's visits (local time) is gone...
      const missing = join(root, 'missing');
      await cp(base, missing, { recursive: true });
      await editTable(missing, 'ed_encounters', [
        `DELETE FROM ed_encounters WHERE arrival_ts >= TIMESTAMPTZ '2025-07-01 07:00:00+00'
           AND arrival_ts < TIMESTAMPTZ '2026-01-01 08:00:00+00'`,
      ]);
      expect((await status(missing)).status).toBe('fail');
      // ...which is what residents who all left on 30 June would show.
      const left = join(root, 'left');
      await cp(missing, left, { recursive: true });
      await editTable(left, 'patients', [
        `UPDATE patients SET exit_date = DATE '2025-06-30', exit_reason = 'Out-migration'
          WHERE entry_reason = 'Resident' AND (exit_date IS NULL OR exit_date > DATE '2025-06-30')`,
      ]);
      const exposed = await status(left);
      expect(exposed.status, exposed.message).not.toBe('fail');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
