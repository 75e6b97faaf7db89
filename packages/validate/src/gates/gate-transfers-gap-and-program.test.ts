import { defaultScenario } from '@lm-synth/config';
import { bernoulli, createStream, truncatedLognormal, uniform } from '@lm-synth/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { insertRows, type TestCell } from '../test-insert-rows.js';
import { gateTransfersGapAndProgram } from './gate-transfers-gap-and-program.js';

const scenario = defaultScenario();
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

const stamp = (seconds: number) =>
  new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** `pairs` stays each continued by a transfer after the configured gap, or at once / in the same program. */
async function transfers(pairs: number, defect?: 'no-gap' | 'same-program') {
  await db.exec('DELETE FROM ip_stays');
  const source = createStream(7, 'test-transfers', 0);
  const { mu, sigma, max } = scenario.inpatient.transferGapHours;
  const gap = truncatedLognormal(source)(mu, sigma, 0, max);
  const change = bernoulli(source)(scenario.inpatient.transferProgramChangeShare);
  const unit = uniform(source)(0, 1);
  const rows: TestCell[][] = [];
  for (let i = 0; i < pairs; i++) {
    const admit = Date.UTC(2025, 0, 1) / 1000 + unit() * 300 * 86_400;
    const discharge = admit + 3 * 86_400;
    const next = discharge + (defect === 'no-gap' ? 0 : gap() * 3600);
    const program = defect !== 'same-program' && change() === 1 ? 7 : 1;
    rows.push([
      2 * i + 1,
      `P${i}`,
      1,
      1,
      1,
      stamp(admit),
      stamp(discharge),
      3,
      0,
      false,
      'ED',
      null,
      null,
      'Other facility',
    ]);
    rows.push([
      2 * i + 2,
      `P${i}`,
      2,
      program,
      1,
      stamp(next),
      stamp(next + 86_400),
      1,
      0,
      false,
      'Transfer',
      null,
      2 * i + 1,
      'Home',
    ]);
  }
  await insertRows(
    db,
    'ip_stays',
    [
      'stay_id',
      'patient_id',
      'facility_id',
      'program_id',
      'subprogram_id',
      'admit_ts',
      'discharge_ts',
      'los_days',
      'alc_days',
      'alc_flag',
      'admission_source',
      'ed_encounter_id',
      'transfer_from_stay_id',
      'discharge_disposition',
    ],
    rows,
  );
}

describe('transfers-gap-and-program', () => {
  it('passes transfers after the configured gap, changing program at the configured rate', async () => {
    await transfers(5000);
    const outcome = await gateTransfersGapAndProgram.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
  });

  it('fails transfers at the second the first stay ends', async () => {
    await transfers(5000, 'no-gap');
    expect((await gateTransfersGapAndProgram.run(await db.context())).status).toBe('fail');
  });

  it('fails transfers that never change program', async () => {
    await transfers(5000, 'same-program');
    const outcome = await gateTransfersGapAndProgram.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/program changed/);
  });

  it('is inconclusive on two transfers', async () => {
    await transfers(2);
    expect((await gateTransfersGapAndProgram.run(await db.context())).status).toBe('inconclusive');
  });
});
