import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario, type Scenario } from '@lm-synth/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editTable } from './test-edit-table.js';
import { writeTestDataset } from './test-write-dataset.js';
import { validate } from './validate.js';

const PATIENTS = 50_000;
const scenario = defaultScenario();
let root: string;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lm-synth-defects-'));
  base = join(root, 'base');
  await writeTestDataset(base, { patients: PATIENTS, seed: 11 });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** Copies the correct base dataset, plants a defect and validates the copy. */
async function validateEdited(name: string, edits: Record<string, readonly string[]>) {
  const dir = join(root, name);
  await cp(base, dir, { recursive: true });
  for (const [table, statements] of Object.entries(edits)) await editTable(dir, table, statements);
  return validate(dir, scenario);
}

function failedGates(report: Awaited<ReturnType<typeof validate>>): string[] {
  return report.gates.filter((gate) => gate.status === 'fail').map((gate) => gate.id);
}

// Encounters no stay points at, so re-keying one of them disturbs nothing else.
const UNLINKED = `SELECT encounter_id FROM ed_encounters WHERE dispo <> 'Admitted' ORDER BY encounter_id`;

describe('planted defects make validate fail, naming the gate', () => {
  it('the base dataset passes', async () => {
    const report = await validate(base, scenario);
    expect(failedGates(report)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("one LHA's ED rates x 1.5 (frequent users make visit counts vary widely: 1.25 is within noise here)", async () => {
    const riverbend = scenario.lhas.findIndex((lha) => lha.name === 'Riverbend');
    const inflated: Scenario = {
      ...scenario,
      ed: {
        ...scenario.ed,
        ratesPer1000: scenario.ed.ratesPer1000.map((byAge, lha) =>
          lha === riverbend ? byAge.map((g) => g.map((s) => s.map((rate) => rate * 1.5))) : byAge,
        ),
      },
    };
    const dir = join(root, 'ed-rates');
    await writeTestDataset(dir, { patients: PATIENTS, seed: 11, scenario: inflated });
    const report = await validate(dir, scenario);
    // More ED visits in one LHA also means more admissions through its EDs than the routes
    // expect: admission-routes sees the defect too.
    expect(failedGates(report)).toEqual(['ed-volumes', 'admission-routes']);
    const gate = report.gates.find((g) => g.id === 'ed-volumes')!;
    expect(gate.message).toMatch(/worst (Riverbend \(LM-BRC\)|LM-BRC routed)/);
  });

  it("one facility's Adult ED visits seen at another facility offering it", async () => {
    const adult = scenario.sites.filter((_, f) => scenario.coverage.ed[f]![0] === true);
    const [from, to] = [adult[1]!, adult[0]!];
    const report = await validateEdited('routing', {
      ed_encounters: [
        `UPDATE ed_encounters SET facility_id = ${to.id} WHERE facility_id = ${from.id} AND ed_subservice = 'Adult ED'`,
      ],
    });
    expect(failedGates(report)).toContain('ed-volumes');
    const gate = report.gates.find((g) => g.id === 'ed-volumes')!;
    expect(gate.message).toMatch(/routed \/ Adult ED/);
    expect(gate.details?.worst?.map((check) => check.key)).toContain(
      `${from.code} routed / Adult ED`,
    );
  });

  it('LOS mu shifted for one program', async () => {
    const shifted: Scenario = {
      ...scenario,
      inpatient: {
        ...scenario.inpatient,
        los: scenario.inpatient.los.map((subprograms, p) =>
          p === 0 ? subprograms.map((los) => ({ ...los, mu: los.mu + 0.5 })) : subprograms,
        ),
      },
    };
    const dir = join(root, 'los');
    await writeTestDataset(dir, { patients: PATIENTS, seed: 11, scenario: shifted });
    const report = await validate(dir, scenario);
    expect(failedGates(report)).toContain('los-medians');
    const gate = report.gates.find((g) => g.id === 'los-medians')!;
    expect(gate.message).toMatch(/worst Medicine \//);
    expect(gate.details?.worst?.every((check) => check.key.startsWith('Medicine /'))).toBe(true);
  });

  it('pediatric visits moved to the Adult ED', async () => {
    const report = await validateEdited('pediatric', {
      ed_encounters: [
        `UPDATE ed_encounters SET ed_subservice = 'Adult ED' WHERE ed_subservice = 'Pediatric ED'`,
      ],
    });
    expect(failedGates(report)).toContain('pediatric-share');
  });

  it('a patient seen again after dying in the ED', async () => {
    const report = await validateEdited('after-death', {
      ed_encounters: [
        `UPDATE ed_encounters SET dispo = 'Deceased' WHERE encounter_id = (
           SELECT min(e.encounter_id) FROM ed_encounters e WHERE e.dispo = 'Discharged' AND EXISTS (
             SELECT 1 FROM ed_encounters later
             WHERE later.patient_id = e.patient_id AND later.arrival_ts > e.arrival_ts))`,
      ],
    });
    expect(failedGates(report)).toEqual(['episode-coherence', 'activity-in-residence']);
  });

  it('one orphan foreign key', async () => {
    const report = await validateEdited('orphan', {
      ip_stays: [
        `UPDATE ip_stays SET ed_encounter_id = 999999999 WHERE stay_id = (SELECT min(stay_id) FROM ip_stays WHERE ed_encounter_id IS NOT NULL)`,
      ],
    });
    expect(failedGates(report)).toEqual(['foreign-keys']);
    expect(report.gates.find((g) => g.id === 'foreign-keys')!.message).toMatch(
      /^1 foreign-key values.*ed_encounter_id=999999999 not in ed_encounters/,
    );
  });

  it('one duplicate primary key', async () => {
    const report = await validateEdited('duplicate-key', {
      ed_encounters: [
        `UPDATE ed_encounters SET encounter_id = (${UNLINKED} LIMIT 1)
          WHERE encounter_id = (${UNLINKED} LIMIT 1 OFFSET 1)`,
      ],
    });
    expect(failedGates(report)).toEqual(['primary-keys']);
  });

  it('one date of birth inconsistent with its age group', async () => {
    // A 25-44 patient moved to a 1960 birthday no one of their LHA and gender has.
    const report = await validateEdited('dob', {
      patients: [
        `CREATE TABLE target AS SELECT patient_id, lha_id, gender FROM patients WHERE age_group = '25-44' ORDER BY patient_id LIMIT 1`,
        `UPDATE patients SET dob = (
           SELECT min(d)::DATE FROM range(DATE '1960-01-01', DATE '1961-01-01', INTERVAL 1 DAY) r(d)
           WHERE NOT EXISTS (SELECT 1 FROM patients p, target t
             WHERE p.dob = d::DATE AND p.lha_id = t.lha_id AND p.gender = t.gender))
         WHERE patient_id = (SELECT patient_id FROM target)`,
      ],
    });
    expect(failedGates(report)).toEqual(['dob-age-group']);
  });

  it('one duplicated quasi-identifier', async () => {
    // Two patients of one LHA, gender and age group: the second takes the first's birthday.
    const report = await validateEdited('quasi-identifier', {
      patients: [
        `CREATE TABLE pair AS SELECT min(patient_id) AS a, max(patient_id) AS b FROM patients
           WHERE lha_id = 1 AND gender = 'Female' AND age_group = '45-64'`,
        `UPDATE patients SET dob = (SELECT dob FROM patients WHERE patient_id = (SELECT a FROM pair))
           WHERE patient_id = (SELECT b FROM pair)`,
      ],
    });
    expect(failedGates(report)).toEqual(['quasi-identifiers']);
  });

  it('a LOS below 0.25 days', async () => {
    // A stay that is not ALC and that no transfer continues, its discharge kept consistent.
    const report = await validateEdited('los-minimum', {
      ip_stays: [
        `UPDATE ip_stays SET los_days = 0.2, discharge_ts = admit_ts + INTERVAL 288 MINUTE
           WHERE stay_id = (SELECT min(stay_id) FROM ip_stays s WHERE NOT alc_flag
             AND NOT EXISTS (SELECT 1 FROM ip_stays t WHERE t.transfer_from_stay_id = s.stay_id))`,
      ],
    });
    expect(failedGates(report)).toEqual(['los-minimum']);
  });

  it('population_projection with frozen age shares', async () => {
    // Later years split like the start year, as lm-synth projected before the cohort model.
    const report = await validateEdited('frozen-shares', {
      population_projection: [
        `UPDATE population_projection p SET population = round(t.total * s.share)
         FROM (SELECT year, lha_id, sum(population) AS total FROM population_projection GROUP BY ALL) t,
              (SELECT lha_id, age_group, gender, population / sum(population) OVER (PARTITION BY lha_id) AS share
                 FROM population_projection WHERE year = ${scenario.startYear}) s
         WHERE p.year > ${scenario.startYear} AND t.year = p.year AND t.lha_id = p.lha_id
           AND s.lha_id = p.lha_id AND s.age_group = p.age_group AND s.gender = p.gender`,
      ],
    });
    // cohort-balance expects deaths and out-migrants from population_projection x the
    // sampling fraction, so a tampered projection may disturb it too.
    expect(failedGates(report)).toContain('population-projection');
    expect(failedGates(report).filter((id) => id !== 'cohort-balance')).toEqual([
      'population-projection',
    ]);
    expect(report.gates.find((g) => g.id === 'population-projection')!.message).toMatch(
      /65\+ share 20\d\d .* does not rise/,
    );
  });

  it('a file changed without updating the manifest', async () => {
    const dir = join(root, 'tampered');
    await cp(base, dir, { recursive: true });
    await editTable(
      dir,
      'dim_site',
      [`UPDATE dim_site SET site_name = 'Renamed' WHERE site_id = 1`],
      {
        keepManifest: true,
      },
    );
    const report = await validate(dir, scenario);
    expect(failedGates(report)).toEqual(['manifest']);
    expect(report.gates[0]!.message).toMatch(
      /dim_site: dim_site\.parquet: bytes or sha256 differ from the manifest/,
    );
  });
});
