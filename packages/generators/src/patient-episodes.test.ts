import { defaultScenario } from '@lm-synth/config';
import type { Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { civilDate } from './civil-date.js';
import { column } from './test-column.js';
import { testDataset } from './test-dataset.js';
import { scenarioClock } from './test-patient-years.js';

// Exact invariants of the episode sequence (no tolerances): each patient's episodes are one
// time-ordered sequence, so a bed is never double-booked and nothing happens inside a stay.
const scenario = defaultScenario();
const PATIENTS = 10_000;
const YEARS = 2;

let data: Record<string, Table>;
beforeAll(async () => {
  data = await testDataset({ patients: PATIENTS, encounterYears: YEARS });
});
const clock = scenarioClock(scenario, YEARS);
const dataEnd = clock.midnight(civilDate.fromParts(scenario.startYear + YEARS, 1, 1));

/** Row indices by patient id. */
function byPatient(table: Table): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  column.labels(table, 'patient_id').forEach((id, i) => {
    const list = rows.get(id as string);
    if (list) list.push(i);
    else rows.set(id as string, [i]);
  });
  return rows;
}

describe('simulatePatient (through generateDataset)', () => {
  it("never overlaps a patient's stays", () => {
    const ip = data.ip_stays!;
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    let pairs = 0;
    const overlaps: string[] = [];
    for (const [id, rows] of byPatient(ip)) {
      const sorted = [...rows].sort((a, b) => admit[a]! - admit[b]!);
      for (let k = 1; k < sorted.length; k++) {
        pairs++;
        if (admit[sorted[k]!]! < discharge[sorted[k - 1]!]!) overlaps.push(id);
      }
    }
    expect(pairs).toBeGreaterThan(100);
    expect(overlaps).toEqual([]);
  });

  it("never has an ED arrival strictly inside one of the patient's stays", () => {
    const ip = data.ip_stays!;
    const ed = data.ed_encounters!;
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    const arrival = column.numbers(ed, 'arrival_ts');
    const stays = byPatient(ip);
    const inside: number[] = [];
    for (const [id, visits] of byPatient(ed)) {
      const rows = stays.get(id) ?? [];
      for (const v of visits)
        for (const s of rows)
          if (admit[s]! < arrival[v]! && arrival[v]! < discharge[s]!) inside.push(v);
    }
    expect(inside).toEqual([]);
  });

  it('follows every Transferred UCC visit, within the transfer delay cap, by a visit at another facility', () => {
    const ed = data.ed_encounters!;
    const arrival = column.numbers(ed, 'arrival_ts');
    const facility = column.numbers(ed, 'facility_id');
    const subservice = column.labels(ed, 'ed_subservice');
    const dispo = column.labels(ed, 'dispo');
    const patients = data.patients!;
    const exitDate = column.numbers(patients, 'exit_date');
    const exit = new Map(
      column.labels(patients, 'patient_id').map((id, i) => [id as string, exitDate[i]!]),
    );
    const cap = scenario.ed.transferDelayHours.max * 3_600;
    let transfers = 0;
    const unfollowed: number[] = [];
    for (const [id, visits] of byPatient(ed)) {
      for (const v of visits) {
        if (subservice[v] !== 'Urgent Care Centre' || dispo[v] !== 'Transferred') continue;
        // Censored: the data end, or the patient's exit, falls inside the delay.
        if (arrival[v]! + cap >= dataEnd) continue;
        const exitDay = exit.get(id)!;
        if (!Number.isNaN(exitDay) && clock.midnight(exitDay + 1) <= arrival[v]! + cap) continue;
        transfers++;
        const followed = visits.some(
          (w) =>
            w !== v &&
            facility[w] !== facility[v] &&
            arrival[w]! > arrival[v]! &&
            arrival[w]! <= arrival[v]! + cap,
        );
        if (!followed) unfollowed.push(v);
      }
    }
    expect(transfers).toBeGreaterThan(10);
    expect(unfollowed).toEqual([]);
  });

  it('ends every day-case stay on its local admission day', () => {
    const ip = data.ip_stays!;
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    const program = column.numbers(ip, 'program_id');
    const subprogram = column.numbers(ip, 'subprogram_id');
    let dayCases = 0;
    const overnight: number[] = [];
    for (let i = 0; i < ip.numRows; i++) {
      const setting = scenario.programs[program[i]! - 1]!.subprograms[subprogram[i]! - 1]!.setting;
      if (setting !== 'day_case') continue;
      dayCases++;
      if (clock.localDayOf(admit[i]!) !== clock.localDayOf(discharge[i]!)) overnight.push(i);
    }
    expect(dayCases).toBeGreaterThan(20);
    expect(overnight).toEqual([]);
  });
});
