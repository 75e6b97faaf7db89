import { defaultScenario } from '@lm-synth/config';
import { createStream, truncatedLognormal, uniform } from '@lm-synth/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureDb, fixtureDb } from '../test-fixture-db.js';
import { insertRows, type TestCell } from '../test-insert-rows.js';
import { gateEdTransfersReceived } from './gate-ed-transfers-received.js';

const scenario = defaultScenario();
let db: FixtureDb;
beforeEach(async () => {
  db = await fixtureDb(scenario);
});
afterEach(() => db.close());

const stamp = (seconds: number) =>
  new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Transferred visits, half from UCCs (received by an ED visit elsewhere), half from EDs (by a stay elsewhere). */
async function transferred(count: number, options: { lost?: number; delay?: number } = {}) {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters');
  const source = createStream(8, 'test-ed-transfers', 0);
  const { mu, sigma, max } = scenario.ed.transferDelayHours;
  const delay = truncatedLognormal(source)(mu, sigma, 0, max);
  const unit = uniform(source)(0, 1);
  const visits: TestCell[][] = [];
  const stays: TestCell[][] = [];
  for (let i = 0; i < count; i++) {
    const arrival = Date.UTC(2025, 0, 1) / 1000 + unit() * 300 * 86_400;
    const received = arrival + (options.delay ?? delay()) * 3600;
    const fromUcc = i % 2 === 0;
    const id = visits.length + 1;
    visits.push([
      id,
      `P${i}`,
      1,
      fromUcc ? 'Urgent Care Centre' : 'Adult ED',
      stamp(arrival),
      2,
      'Transferred',
    ]);
    if (i < (options.lost ?? 0)) continue;
    if (fromUcc) visits.push([id + 1, `P${i}`, 2, 'Adult ED', stamp(received), 2, 'Discharged']);
    else
      stays.push([
        stays.length + 1,
        `P${i}`,
        2,
        1,
        1,
        stamp(received),
        stamp(received + 86_400),
        1,
        0,
        false,
        'Transfer',
        id,
        null,
        'Home',
      ]);
  }
  await insertRows(
    db,
    'ed_encounters',
    ['encounter_id', 'patient_id', 'facility_id', 'ed_subservice', 'arrival_ts', 'acuity', 'dispo'],
    visits,
  );
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
    stays,
  );
}

describe('ed-transfers-received', () => {
  it('passes transfers received after the configured delay', async () => {
    await transferred(4000);
    const outcome = await gateEdTransfersReceived.run(await db.context());
    expect(outcome.status, outcome.message).toBe('pass');
  });

  it('fails a transfer nobody receives', async () => {
    await transferred(4000, { lost: 1 });
    const outcome = await gateEdTransfersReceived.run(await db.context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/transfers received by nothing: 1 /);
  });

  it('fails transfers received at a fixed delay', async () => {
    await transferred(4000, { delay: 1 });
    expect((await gateEdTransfersReceived.run(await db.context())).status).toBe('fail');
  });

  it('is inconclusive on two transfers', async () => {
    await transferred(2);
    expect((await gateEdTransfersReceived.run(await db.context())).status).toBe('inconclusive');
  });
});
