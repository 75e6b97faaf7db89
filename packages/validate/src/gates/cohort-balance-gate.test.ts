import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { createStream, poisson } from '@lm-synth/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PopulationFlows } from '../expectations/population-flows.js';
import { type CohortDb, cohortDb } from '../test-cohort-db.js';
import { cohortBalanceGate } from './cohort-balance-gate.js';
import { GATES } from './gate-registry.js';

const LHAS = 12;
const YEARS = 2;
const cell = (value: number) =>
  Array.from({ length: LHAS }, () => AGE_GROUPS.map(() => GENDERS.map(() => value)));
/** Flat flows: 1,500 births per LHA and gender a year, 80 in-migrants per cell, 1% die, 2% leave. */
const FLOWS: PopulationFlows = {
  births: Array.from({ length: YEARS }, () =>
    Array.from({ length: LHAS }, () => GENDERS.map(() => 1_500)),
  ),
  inMigrants: Array.from({ length: YEARS }, () => cell(80)),
  deathRate: Array.from({ length: YEARS }, () => cell(0.01)),
  outMigrationRate: Array.from({ length: YEARS }, () => cell(0.02)),
};
const gate = cohortBalanceGate(() => FLOWS);

/**
 * Replaces the cohort's patients by ones entering and leaving as FLOWS say, sampled at
 * 1 / weight: Poisson counts of each flow and year, dated mid-year.
 */
async function plantFlows(db: CohortDb, weight: number, seed: number) {
  const [population] = await db.sql.rows(
    'SELECT sum(population)::DOUBLE AS n FROM population_projection WHERE year = 2025',
  );
  const residents = Number(population!.n);
  const draw = poisson(createStream(seed, 'cohort-balance-test', 0));
  const rows: string[] = [];
  const patient = (entry: string, reason: string, exit: string) =>
    rows.push(
      `('Q${rows.length}', 1, '25-44', 'Female', 1, DATE '1990-01-01', ${weight}, ${entry}, '${reason}', ${exit})`,
    );
  for (let y = 0; y < YEARS; y++) {
    const year = 2025 + y;
    const mid = `DATE '${year}-07-01'`;
    const births = (1_500 * LHAS * GENDERS.length) / weight;
    const migrants = (80 * LHAS * AGE_GROUPS.length * GENDERS.length) / weight;
    for (let i = draw(births)(); i > 0; i--) patient(mid, 'Birth', 'NULL, NULL');
    for (let i = draw(migrants)(); i > 0; i--) patient(mid, 'In-migration', 'NULL, NULL');
    for (let i = draw((residents * 0.01) / weight)(); i > 0; i--)
      patient(`DATE '2025-01-01'`, 'Resident', `${mid}, 'Death'`);
    for (let i = draw((residents * 0.02) / weight)(); i > 0; i--)
      patient(`DATE '2025-01-01'`, 'Resident', `${mid}, 'Out-migration'`);
  }
  patient(`DATE '2025-01-01'`, 'Resident', 'NULL, NULL');
  await db.exec('DELETE FROM patients');
  for (let i = 0; i < rows.length; i += 5_000)
    await db.exec(`INSERT INTO patients VALUES ${rows.slice(i, i + 5_000).join(', ')}`);
}

describe('gate cohort-balance', () => {
  let db: CohortDb;
  beforeAll(async () => {
    db = await cohortDb({ patients: 300, years: YEARS, seed: 70 });
  }, 60_000);
  afterAll(() => db.close());

  it('passes flows sampled from the projection, the totals large enough to see 10%', async () => {
    await plantFlows(db, 10, 1);
    const outcome = await gate.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
    expect(outcome.details?.checks).toBe((YEARS + 1) * 4);
  });

  it('fails when a fifth of one year’s deaths are missing', async () => {
    await plantFlows(db, 10, 2);
    await db.exec(
      `DELETE FROM patients WHERE exit_reason = 'Death' AND year(exit_date) = 2026 AND hash(patient_id) % 5 = 0`,
    );
    const outcome = await gate.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/deaths/);
  });

  it('is inconclusive when the sample is too small to see a 10% error in a flow', async () => {
    await plantFlows(db, 2_000, 3);
    const outcome = await gate.run(await db.context());
    expect(outcome.status, outcome.message).toBe('inconclusive');
  });

  it('says info without flows or without entry and exit columns', async () => {
    expect((await cohortBalanceGate(() => undefined).run(await db.context())).status).toBe('info');
    await db.exec('ALTER TABLE patients DROP COLUMN entry_reason');
    expect((await gate.run(await db.context())).status).toBe('info');
  });

  it('is registered, with the flows of this build', () => {
    expect(GATES.map((g) => g.id)).toContain('cohort-balance');
  });
});
