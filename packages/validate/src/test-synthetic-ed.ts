import {
  AGE_GROUPS,
  acuityByAge,
  dispositionByAcuity,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  type Scenario,
} from '@lm-synth/config';
import { categorical, createStream, uniformInt } from '@lm-synth/stats';
import type { FixtureDb } from './test-fixture-db.js';
import { insertRows, type TestCell } from './test-insert-rows.js';

const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
const groupOf = (age: number) => {
  let group = 0;
  while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
  return group;
};

/** How the synthetic visits draw acuity and disposition: the model, or a planted defect. */
export interface SyntheticEdOptions {
  readonly visits: number;
  readonly seed: number;
  /** 'age': acuityByAge (the model); 'band': the age band's table at every age. */
  readonly acuity?: 'age' | 'band';
  /** 'acuity': dispositionByAcuity (the model); 'flat': the age group's shares at every level. */
  readonly disposition?: 'acuity' | 'flat';
}

/**
 * Test helper: replaces the fixture's patients, visits and stays with `visits` start-year
 * ED visits, one patient each, of ages 0 to 100 spread evenly (born 31 December, so the
 * whole age holds from January to November, when the visits arrive), Pediatric ED up to
 * the pediatric age, acuity and disposition drawn as the options say. Returns nothing; the
 * gates read the tables.
 */
export async function syntheticEdVisits(
  db: FixtureDb,
  scenario: Scenario,
  options: SyntheticEdOptions,
): Promise<void> {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters', 'DELETE FROM patients');
  const source = createStream(options.seed, 'test-synthetic-ed', 0);
  const pick = categorical(source);
  const age = uniformInt(source)(0, 100);
  const day = uniformInt(source)(0, 333);
  const second = uniformInt(source)(0, 86_399);
  const subservice = uniformInt(source)(0, 2);
  const byAge = acuityByAge(scenario);
  const dispositions = dispositionByAcuity(scenario);
  const patients: TestCell[][] = [];
  const visits: TestCell[][] = [];
  const year = scenario.startYear;
  for (let i = 0; i < options.visits; i++) {
    const a = age();
    const group = groupOf(a);
    let s = subservice();
    if (s === 1 && a > scenario.ed.pediatricMaxAge) s = 0;
    const mix = options.acuity === 'band' ? scenario.ed.acuity[group]![s]! : byAge[a]![s]!;
    const level = pick(mix)();
    const shares =
      options.disposition === 'flat'
        ? scenario.ed.disposition[group]![s]!
        : dispositions[a]![s]![level]!;
    const d = pick(shares)();
    const id = `P${String(i + 1).padStart(12, '0')}`;
    patients.push([id, AGE_GROUPS[group]!, 'Female', `${year - 1 - a}-12-31`]);
    const t = new Date(Date.UTC(year, 0, 1) + day() * 86_400_000 + second() * 1000);
    visits.push([
      i + 1,
      id,
      1,
      ED_SUBSERVICES[s]!,
      t.toISOString().slice(0, 19).replace('T', ' '),
      level + 1,
      ED_DISPOSITIONS[d]!,
    ]);
  }
  await insertRows(db, 'patients', ['patient_id', 'age_group', 'gender', 'dob'], patients);
  await insertRows(
    db,
    'ed_encounters',
    ['encounter_id', 'patient_id', 'facility_id', 'ed_subservice', 'arrival_ts', 'acuity', 'dispo'],
    visits,
  );
}
