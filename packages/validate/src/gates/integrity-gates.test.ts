import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import type { Gate } from './gate.js';
import { gateAlcLos } from './gate-alc-los.js';
import { gateCareSettings } from './gate-care-settings.js';
import { gateDischargeTime } from './gate-discharge-time.js';
import { gateDobAgeGroup } from './gate-dob-age-group.js';
import { gateEdCoverage } from './gate-ed-coverage.js';
import { gateEdVisitCount } from './gate-ed-visit-count.js';
import { gateEpisodeCoherence } from './gate-episode-coherence.js';
import { gateForeignKeys } from './gate-foreign-keys.js';
import { gateLinkedStays } from './gate-linked-stays.js';
import { gateLosMinimum } from './gate-los-minimum.js';
import { gateManifest } from './gate-manifest.js';
import { gatePediatricEdAges } from './gate-pediatric-ed-ages.js';
import { gatePrimaryKeys } from './gate-primary-keys.js';
import { gateProgramCoverage } from './gate-program-coverage.js';
import { gateQuasiIdentifiers } from './gate-quasi-identifiers.js';
import { GATES } from './gate-registry.js';
import { gateSubprogramInProgram } from './gate-subprogram-in-program.js';

// Every integrity gate the registry runs, so a new one must pass on the fixture too.
// The manifest gate reads files, which the in-memory fixture does not have.
const INTEGRITY = GATES.filter((gate) => gate.category === 'integrity' && gate !== gateManifest);

let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());

async function run(gate: Gate) {
  return gate.run(await db.context());
}

describe('integrity gates on a consistent hand-made dataset', () => {
  it.each(INTEGRITY.map((gate) => [gate.id, gate] as const))('%s passes', async (_, gate) => {
    const outcome = await run(gate);
    expect(outcome.message).toMatch(/^no /);
    expect(outcome).toMatchObject({ status: 'pass', observed: 0, expected: 0 });
  });
});

describe('each integrity gate catches its defect', () => {
  const cases: [Gate, string, number, RegExp][] = [
    [
      gatePrimaryKeys,
      `INSERT INTO ed_encounters SELECT * FROM ed_encounters WHERE encounter_id = 3`,
      1,
      /ed_encounters\(encounter_id\) = \(3\) 2 times/,
    ],
    [
      gatePrimaryKeys,
      `UPDATE patients SET patient_id = NULL WHERE patient_id = 'P000000000006'`,
      1,
      /patients\(patient_id\): 1 NULL/,
    ],
    [
      gatePrimaryKeys,
      `UPDATE dim_site SET site_code = 'LM-SNW' WHERE site_id = 2`,
      1,
      /dim_site\(site_code\)/,
    ],
    [
      gateForeignKeys,
      `UPDATE ed_encounters SET patient_id = 'P999' WHERE encounter_id = 1`,
      1,
      /ed_encounters.patient_id=P999 not in patients/,
    ],
    [
      gateForeignKeys,
      `UPDATE ip_stays SET subprogram_id = 4 WHERE stay_id = 4`,
      1,
      /not in dim_subprogram/,
    ],
    [
      gateForeignKeys,
      `UPDATE ip_stays SET transfer_from_stay_id = 99 WHERE stay_id = 3`,
      1,
      /transfer_from_stay_id=99/,
    ],
    [
      gateDobAgeGroup,
      `UPDATE patients SET dob = DATE '2010-01-02' WHERE patient_id = 'P000000000006'`,
      1,
      /P000000000006: born 2010-01-02, age group 15-24/,
    ],
    [
      gateDobAgeGroup,
      `UPDATE patients SET dob = DATE '1960-01-02' WHERE patient_id = 'P000000000004'`,
      1,
      /P000000000004/,
    ],
    [
      gateLosMinimum,
      `UPDATE ip_stays SET los_days = 0.24 WHERE stay_id = 4`,
      1,
      /stay 4: 0.24 days/,
    ],
    [
      gateAlcLos,
      `UPDATE ip_stays SET alc_flag = true WHERE stay_id = 1`,
      1,
      /stay 1: ALC with 5.5 days/,
    ],
    [
      gateDischargeTime,
      `UPDATE ip_stays SET discharge_ts = discharge_ts + INTERVAL 1 HOUR WHERE stay_id = 2`,
      1,
      /stay 2/,
    ],
    [
      gateSubprogramInProgram,
      `UPDATE ip_stays SET subprogram_id = 4 WHERE stay_id = 1`,
      1,
      /subprogram 4 of program 1/,
    ],
    [
      gateProgramCoverage,
      `UPDATE ip_stays SET facility_id = 4, program_id = 1, subprogram_id = 3 WHERE stay_id = 1`,
      1,
      /LM-MSC does not offer program 1.3/,
    ],
    [
      gateEdCoverage,
      `UPDATE ed_encounters SET facility_id = 2 WHERE encounter_id = 3`,
      1,
      /LM-BLH does not offer Pediatric ED/,
    ],
    [
      gateEdVisitCount,
      `UPDATE patients SET ed_visits_year = 3 WHERE patient_id = 'P000000000001'`,
      1,
      /P000000000001: ed_visits_year 3, 2 encounters/,
    ],
    [
      gateEdVisitCount,
      `UPDATE ed_encounters SET arrival_ts = TIMESTAMP '2026-01-03 00:00:00' WHERE encounter_id = 3`,
      1,
      /P000000000002/,
    ],
    [
      gateLinkedStays,
      `UPDATE ip_stays SET admit_ts = TIMESTAMP '2025-04-30 12:00:00' WHERE stay_id = 1`,
      1,
      /stay 1: ED admission/,
    ],
    [
      gateLinkedStays,
      `UPDATE ip_stays SET facility_id = 6 WHERE stay_id = 3`,
      1,
      /stay 3: transfer/,
    ],
    [
      gateLinkedStays,
      `UPDATE ip_stays SET admission_source = 'Direct' WHERE stay_id = 2`,
      1,
      /stay 2: admission source/,
    ],
    [
      // An ED admission without its visit in the start year: only the warm-up year's may.
      gateLinkedStays,
      `UPDATE ip_stays SET ed_encounter_id = NULL WHERE stay_id = 2`,
      1,
      /stay 2: admission source/,
    ],
    [
      gateLinkedStays,
      `UPDATE ip_stays SET transfer_from_stay_id = NULL WHERE stay_id = 3`,
      1,
      /stay 3: admission source/,
    ],
    [
      // An ED admission relabelled a transfer: its visit was Admitted at the same facility.
      gateLinkedStays,
      `UPDATE ip_stays SET admission_source = 'Transfer' WHERE stay_id = 1`,
      1,
      /stay 1: transfer from an ED/,
    ],
    [
      gateCareSettings,
      `UPDATE ip_stays SET program_id = 6, subprogram_id = 1 WHERE stay_id = 4`,
      1,
      /stay 4: stay in an ambulatory subprogram/,
    ],
    [
      gateCareSettings,
      `UPDATE ip_stays SET discharge_ts = TIMESTAMP '2025-03-11 21:00:00', los_days = 1.5 WHERE stay_id = 4`,
      1,
      /stay 4: day case not discharged on the local day/,
    ],
    [
      gatePediatricEdAges,
      `UPDATE ed_encounters SET ed_subservice = 'Pediatric ED' WHERE encounter_id = 1`,
      1,
      /encounter 1: aged 34/,
    ],
    [
      gateEpisodeCoherence,
      `UPDATE ip_stays SET admit_ts = TIMESTAMP '2025-07-15 12:00:00' WHERE stay_id = 3`,
      1,
      /stay 2: stay starts before the previous stay/,
    ],
    [
      gateEpisodeCoherence,
      `UPDATE ed_encounters SET arrival_ts = TIMESTAMP '2025-05-03 10:00:00' WHERE encounter_id = 1`,
      1,
      /encounter 1: ED visit arrives while the patient is in a bed/,
    ],
    [
      // Died, then transferred, and still resident.
      gateEpisodeCoherence,
      `UPDATE ip_stays SET discharge_disposition = 'Died' WHERE stay_id = 2`,
      2,
      /stay 3: admission after the patient died.*patient P000000000003: patient who died/,
    ],
    [
      // A birth entering on another day than its birth.
      gateDobAgeGroup,
      `UPDATE patients SET entry_reason = 'Birth', entry_date = DATE '2025-03-02' WHERE patient_id = 'P000000000002'`,
      1,
      /P000000000002: born 2022-03-01, age group 0-4, Birth on 2025-03-02/,
    ],
    [
      // An in-migrant whose age group is not its age at entry (20 on 2025-06-15).
      gateDobAgeGroup,
      `UPDATE patients SET entry_reason = 'In-migration', entry_date = DATE '2035-06-15' WHERE patient_id = 'P000000000006'`,
      1,
      /P000000000006/,
    ],
    [
      gateQuasiIdentifiers,
      `UPDATE patients SET dob = DATE '1990-06-15', age_group = '25-44' WHERE patient_id = 'P000000000005'`,
      1,
      /2 patients born 1990-06-15 in LHA 1, Female/,
    ],
  ];
  it.each(
    cases.map(
      ([gate, statement, count, example]) => [gate.id, statement, gate, count, example] as const,
    ),
  )('%s: %s', async (_, statement, gate, count, example) => {
    await db.exec(statement);
    const outcome = await run(gate);
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe(count);
    expect(outcome.message).toMatch(example);
  });
});

describe('the open cohort passes the integrity gates', () => {
  it('entrants are aged at entry; a birth enters when born', async () => {
    await db.exec(
      // Aged 15 on entry in 2026 (14 at the reference date).
      `UPDATE patients SET entry_reason = 'In-migration', entry_date = DATE '2026-01-05', dob = DATE '2011-01-01' WHERE patient_id = 'P000000000006'`,
      `UPDATE patients SET entry_reason = 'Birth', entry_date = DATE '2025-03-02', dob = DATE '2025-03-02' WHERE patient_id = 'P000000000002'`,
      `UPDATE ed_encounters SET arrival_ts = TIMESTAMP '2025-03-20 19:30:00' WHERE encounter_id = 3`,
    );
    expect((await run(gateDobAgeGroup)).status).toBe('pass');
  });

  it("warm-up stays lack the links the warm-up year's rows would give", async () => {
    await db.exec(
      // An ED admission from the warm-up year, still in a bed on 1 January (local).
      `UPDATE ip_stays SET ed_encounter_id = NULL, admit_ts = TIMESTAMP '2024-12-30 12:00:00' WHERE stay_id = 2`,
      // A transfer whose first stay ended before the start.
      `UPDATE ip_stays SET transfer_from_stay_id = NULL, admit_ts = TIMESTAMP '2024-12-31 20:00:00' WHERE stay_id = 3`,
    );
    expect((await run(gateLinkedStays)).status).toBe('pass');
    // In the start year, past the longest boarding (72 h in the defaults), the same nulls are defects.
    await db.exec(
      `UPDATE ip_stays SET admit_ts = TIMESTAMP '2025-01-05 12:00:00' WHERE stay_id = 2`,
    );
    expect((await run(gateLinkedStays)).observed).toBe(1);
  });
});

describe('quasi-identifiers', () => {
  it('only informs when the manifest allows duplicates', async () => {
    await db.exec(
      `UPDATE patients SET dob = DATE '1990-06-15', age_group = '25-44' WHERE patient_id = 'P000000000005'`,
    );
    const outcome = await gateQuasiIdentifiers.run(
      await db.context({ uniqueQuasiIdentifiers: false }),
    );
    expect(outcome.status).toBe('info');
    expect(outcome.observed).toBe(1);
  });
});
