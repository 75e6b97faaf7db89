import { AGE_GROUPS, defaultScenario, ED_SUBSERVICES, GENDERS } from '@lm-synth/config';
import { arrowSchema, CATALOGUE } from '@lm-synth/dims';
import type { Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocatePatients } from './allocate-patients.js';
import { civilDate } from './civil-date.js';
import { generateDataset } from './generate-dataset.js';
import { column } from './test-column.js';
import { testDataset } from './test-dataset.js';
import { scenarioClock } from './test-patient-years.js';

const scenario = defaultScenario();
const PATIENTS = 20_000;
const ENCOUNTER_YEARS = 2;

let data: Record<string, Table>;
beforeAll(async () => {
  data = await testDataset({ patients: PATIENTS, encounterYears: ENCOUNTER_YEARS });
});

const table = (name: string) => data[name]!;
const clock = scenarioClock(scenario, ENCOUNTER_YEARS);
/** Rows of the patients who were resident at the start (the others entered later). */
const residentRows = () =>
  column
    .labels(table('patients'), 'entry_reason')
    .flatMap((reason, i) => (reason === 'Resident' ? [i] : []));

describe('generateDataset', () => {
  it('streams every catalogue table in order, each batch with the catalogue schema', async () => {
    const seen: string[] = [];
    for await (const { table, batches } of generateDataset(scenario, {
      patients: 500,
      workers: 0,
      batchSize: 100,
    })) {
      seen.push(table.name);
      const expected = arrowSchema(table);
      for await (const batch of batches) {
        expect(batch.numRows).toBeLessThanOrEqual(100);
        expect(batch.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual(
          expected.fields.map((f) => [f.name, String(f.type), f.nullable]),
        );
      }
    }
    expect(seen).toEqual(CATALOGUE.map((t) => t.name));
  });

  it('leaves out ED or inpatient tables when asked', async () => {
    const names = async (withEd: boolean, withIp: boolean) => {
      const out: string[] = [];
      for await (const { table, batches } of generateDataset(scenario, {
        patients: 100,
        workers: 0,
        withEd,
        withIp,
      })) {
        out.push(table.name);
        for await (const _ of batches);
      }
      return out;
    };
    expect(await names(false, true)).not.toContain('ed_encounters');
    expect(await names(true, false)).not.toContain('ip_stays');
    expect(await names(true, false)).not.toContain('capacity_daily');
  });
});

describe('population and rates', () => {
  it('projects integer cells that add up to each LHA total, compounding growth', () => {
    const pop = table('population_projection');
    const years = column.numbers(pop, 'year');
    const lhas = column.numbers(pop, 'lha_id');
    const population = column.numbers(pop, 'population');
    expect(pop.numRows).toBe(
      scenario.horizonYears * scenario.lhas.length * AGE_GROUPS.length * GENDERS.length,
    );
    const totals = new Map<string, number>();
    years.forEach((year, i) => {
      const key = `${year}:${lhas[i]}`;
      totals.set(key, (totals.get(key) ?? 0) + population[i]!);
    });
    for (const lha of scenario.lhas) {
      for (let t = 0; t < scenario.horizonYears; t++) {
        const expected = Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** t);
        expect(totals.get(`${scenario.startYear + t}:${lha.id}`)).toBe(expected);
      }
    }
  });

  it('copies the ED rates per 1,000 to two decimals', () => {
    const rates = table('ed_baseline_rates');
    expect(rates.numRows).toBe(
      scenario.lhas.length * AGE_GROUPS.length * GENDERS.length * ED_SUBSERVICES.length,
    );
    const values = column.numbers(rates, 'baserate_per_1000');
    expect(values[0]).toBe(Math.round(scenario.ed.ratesPer1000[0]![0]![0]![0]! * 100) / 100);
  });
});

describe('patients', () => {
  it('have unique ids of P and 12 hex digits: the residents asked for, then the entrants', () => {
    const ids = column.labels(table('patients'), 'patient_id') as string[];
    expect(residentRows()).toHaveLength(PATIENTS);
    expect(ids.length).toBeGreaterThan(PATIENTS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^P[0-9A-F]{12}$/.test(id))).toBe(true);
  });

  it('match the largest-remainder allocation of the start-year population exactly (residents)', () => {
    const patients = table('patients');
    const lha = column.numbers(patients, 'lha_id');
    const age = column.labels(patients, 'age_group');
    const gender = column.labels(patients, 'gender');
    const counts = new Float64Array(scenario.lhas.length * AGE_GROUPS.length * GENDERS.length);
    for (const i of residentRows()) {
      const cell =
        ((lha[i]! - 1) * AGE_GROUPS.length + AGE_GROUPS.indexOf(age[i] as never)) * GENDERS.length;
      counts[cell + GENDERS.indexOf(gender[i] as never)]! += 1;
    }
    expect(Array.from(counts)).toEqual(Array.from(allocatePatients(scenario, PATIENTS)));
  });

  it('have a date of birth consistent with their age group at the reference date, or at entry', () => {
    const patients = table('patients');
    const dob = column.numbers(patients, 'dob');
    const age = column.labels(patients, 'age_group');
    const entry = column.numbers(patients, 'entry_date');
    const reason = column.labels(patients, 'entry_reason');
    const reference = civilDate.parse(scenario.referenceDate);
    const bounds = AGE_GROUPS.map((label) =>
      label === '85+' ? [85, 200] : label.split('-').map(Number),
    );
    const inconsistent = Array.from(dob).filter((birth, i) => {
      const group = AGE_GROUPS.indexOf(age[i] as never);
      const at = reason[i] === 'Resident' ? reference : entry[i]!;
      const years = civilDate.ageAt(birth, at);
      if (reason[i] === 'Birth' && birth !== entry[i]) return true;
      if (reason[i] === 'Resident' && group === 7 && years > 100) return true;
      return birth > at || years < bounds[group]![0]! || years > bounds[group]![1]!;
    });
    expect(inconsistent).toHaveLength(0);
  });

  it('enter on 1 January of the start year (residents) or during an encounter year, and leave after entering', () => {
    const patients = table('patients');
    const entry = column.numbers(patients, 'entry_date');
    const reason = column.labels(patients, 'entry_reason');
    const exit = column.numbers(patients, 'exit_date');
    const exitReason = column.labels(patients, 'exit_reason');
    const start = civilDate.fromParts(scenario.startYear, 1, 1);
    const end = civilDate.fromParts(scenario.startYear + ENCOUNTER_YEARS, 1, 1);
    const bad = Array.from(entry).filter((day, i) => {
      if (reason[i] === 'Resident' ? day !== start : day < start || day >= end) return true;
      if (Number.isNaN(exit[i]!)) return exitReason[i] !== null;
      return exitReason[i] === null || exit[i]! < day || exit[i]! < start;
    });
    expect(bad).toHaveLength(0);
    expect(reason).toContain('Birth');
    expect(reason).toContain('In-migration');
    expect(exitReason).toContain('Death');
    expect(exitReason).toContain('Out-migration');
  });

  it('each stand for the start-year population / patients residents', () => {
    const population = scenario.lhas.reduce((sum, lha) => sum + lha.basePopulation, 0);
    const weight = column.numbers(table('patients'), 'weight');
    expect(new Set(weight)).toEqual(
      new Set([Math.round((population / PATIENTS) * 10_000) / 10_000]),
    );
  });

  it('never share the quasi-identifier (date of birth, LHA, gender)', () => {
    const patients = table('patients');
    const dob = column.numbers(patients, 'dob');
    const lha = column.numbers(patients, 'lha_id');
    const gender = column.labels(patients, 'gender');
    const keys = new Set(Array.from(dob, (d, i) => `${d}|${lha[i]}|${gender[i]}`));
    expect(keys.size).toBe(patients.numRows);
  });

  it('carry the expected rate and primary subservice of their segment, and their start-year visit count', () => {
    const patients = table('patients');
    const ids = column.labels(patients, 'patient_id');
    const lha = column.numbers(patients, 'lha_id');
    const age = column.labels(patients, 'age_group');
    const gender = column.labels(patients, 'gender');
    const expected = column.numbers(patients, 'expected_ed_rate');
    const primary = column.labels(patients, 'primary_ed_subservice');
    const visits = column.numbers(patients, 'ed_visits_year');
    const ed = table('ed_encounters');
    const startYearVisits = new Map<string | boolean | null, number>();
    const edPatients = column.labels(ed, 'patient_id');
    const arrivals = column.numbers(ed, 'arrival_ts');
    const startYearEnd = clock.midnight(civilDate.fromParts(scenario.startYear + 1, 1, 1));
    edPatients.forEach((id, i) => {
      if (arrivals[i]! < startYearEnd) startYearVisits.set(id, (startYearVisits.get(id) ?? 0) + 1);
    });
    ids.forEach((id, i) => {
      const rates =
        scenario.ed.ratesPer1000[lha[i]! - 1]![AGE_GROUPS.indexOf(age[i] as never)]![
          GENDERS.indexOf(gender[i] as never)
        ]!;
      expect(expected[i]).toBe(Math.round(rates.reduce((a, b) => a + b, 0) * 10) / 10_000);
      expect(rates[ED_SUBSERVICES.indexOf(primary[i] as never)]).toBe(Math.max(...rates));
      expect(visits[i]).toBe(startYearVisits.get(id) ?? 0);
    });
  });
});

describe('ed_encounters', () => {
  it('number encounters 1..M, reference patients and sites that offer the subservice', () => {
    const ed = table('ed_encounters');
    const ids = column.numbers(ed, 'encounter_id');
    expect(ids.filter((id, i) => id !== i + 1)).toHaveLength(0);
    const patientIds = new Set(column.labels(table('patients'), 'patient_id'));
    const facility = column.numbers(ed, 'facility_id');
    const subservice = column.labels(ed, 'ed_subservice');
    const bad = column
      .labels(ed, 'patient_id')
      .filter(
        (id, i) =>
          !patientIds.has(id) ||
          scenario.coverage.ed[facility[i]! - 1]![
            ED_SUBSERVICES.indexOf(subservice[i] as never)
          ] !== true,
      );
    expect(bad).toHaveLength(0);
  });

  it('arrive in whole seconds within the encounter years (local time), with CTAS 1-5', () => {
    const ed = table('ed_encounters');
    const first = clock.midnight(civilDate.fromParts(scenario.startYear, 1, 1));
    const end = clock.midnight(civilDate.fromParts(scenario.startYear + ENCOUNTER_YEARS, 1, 1));
    const arrivals = column.numbers(ed, 'arrival_ts');
    expect(arrivals.filter((s) => !Number.isInteger(s) || s < first || s >= end)).toHaveLength(0);
    const acuity = column.numbers(ed, 'acuity');
    expect(acuity.filter((a) => !(Number.isInteger(a) && a >= 1 && a <= 5))).toHaveLength(0);
  });
});

describe('ip_stays', () => {
  it('keep LOS >= 0.25 d with two decimals, ALC stays at the threshold or longer, and discharge = admit + LOS', () => {
    const ip = table('ip_stays');
    const los = column.numbers(ip, 'los_days');
    const alc = column.labels(ip, 'alc_flag');
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    expect(ip.numRows).toBeGreaterThan(1_000);
    los.forEach((days, i) => {
      expect(days).toBeGreaterThanOrEqual(0.25);
      expect(Math.round(days * 100) / 100).toBe(days);
      if (alc[i] === true)
        expect(days).toBeGreaterThanOrEqual(scenario.inpatient.alcLosThresholdDays);
      expect(Number.isInteger(admit[i])).toBe(true);
      expect(discharge[i]! - admit[i]!).toBe(Math.round(days * 86_400));
    });
  });

  it('use subprograms of their program that the facility offers', () => {
    const ip = table('ip_stays');
    const facility = column.numbers(ip, 'facility_id');
    const program = column.numbers(ip, 'program_id');
    const subprogram = column.numbers(ip, 'subprogram_id');
    program.forEach((p, i) => {
      const subprograms = scenario.programs[p - 1]!.subprograms;
      expect(subprogram[i]).toBeGreaterThanOrEqual(1);
      expect(subprogram[i]).toBeLessThanOrEqual(subprograms.length);
      expect(scenario.coverage.subprograms[facility[i]! - 1]![p - 1]![subprogram[i]! - 1]).toBe(
        true,
      );
    });
  });

  it('link every Admitted ED encounter to one stay at its facility, and every ED transfer to a bed elsewhere', () => {
    const ed = table('ed_encounters');
    const ip = table('ip_stays');
    const dispo = column.labels(ed, 'dispo');
    const edFacility = column.numbers(ed, 'facility_id');
    const edPatient = column.labels(ed, 'patient_id');
    const subservice = column.labels(ed, 'ed_subservice');
    const arrival = column.numbers(ed, 'arrival_ts');
    const source = column.labels(ip, 'admission_source');
    const link = column.numbers(ip, 'ed_encounter_id');
    const from = column.numbers(ip, 'transfer_from_stay_id');
    const facility = column.numbers(ip, 'facility_id');
    const patient = column.labels(ip, 'patient_id');
    const admit = column.numbers(ip, 'admit_ts');
    const linked = new Set<number>();
    const start = clock.midnight(civilDate.fromParts(scenario.startYear, 1, 1));
    const boardingCap = scenario.ed.arrivalToAdmissionHours.max * 3_600;
    const transferCap = scenario.ed.transferDelayHours.max * 3_600;
    source.forEach((s, i) => {
      if (Number.isNaN(link[i]!)) {
        // An ED stay without its encounter comes from a visit of the year before (not written).
        if (s === 'ED') expect(admit[i]! - boardingCap).toBeLessThan(start);
        return;
      }
      expect(['ED', 'Transfer']).toContain(s);
      expect(Number.isNaN(from[i]!)).toBe(true);
      const e = link[i]! - 1;
      expect(linked.has(e)).toBe(false);
      linked.add(e);
      expect(patient[i]).toBe(edPatient[e]);
      const delay = admit[i]! - arrival[e]!;
      expect(delay).toBeGreaterThanOrEqual(1_800);
      if (s === 'ED') {
        expect(dispo[e]).toBe('Admitted');
        expect(facility[i]).toBe(edFacility[e]);
        expect(delay).toBeLessThanOrEqual(boardingCap);
      } else {
        // Transferred out of an emergency department (not a UCC) to a bed at another site.
        expect(dispo[e]).toBe('Transferred');
        expect(subservice[e]).not.toBe('Urgent Care Centre');
        expect(facility[i]).not.toBe(edFacility[e]);
        expect(delay).toBeLessThanOrEqual(transferCap);
      }
    });
    expect(linked.size).toBe(
      dispo.filter((d) => d === 'Admitted').length +
        [...linked].filter((e) => dispo[e] === 'Transferred').length,
    );
    expect(dispo.filter((d, e) => d === 'Admitted' && !linked.has(e))).toHaveLength(0);
  });

  it('start corridor transfers at the partner site within hours of the first stay ending', () => {
    const ip = table('ip_stays');
    const ids = column.numbers(ip, 'stay_id');
    expect(ids.filter((id, i) => id !== i + 1)).toHaveLength(0);
    const source = column.labels(ip, 'admission_source');
    const from = column.numbers(ip, 'transfer_from_stay_id');
    const facility = column.numbers(ip, 'facility_id');
    const patient = column.labels(ip, 'patient_id');
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    const outcome = column.labels(ip, 'discharge_disposition');
    const gapCap = scenario.inpatient.transferGapHours.max * 3_600;
    let transfers = 0;
    source.forEach((s, i) => {
      if (Number.isNaN(from[i]!)) return;
      expect(s).toBe('Transfer');
      transfers++;
      const origin = from[i]! - 1;
      expect(origin).toBeLessThan(i);
      expect(patient[origin]).toBe(patient[i]);
      expect(outcome[origin]).toBe('Other facility');
      const gap = admit[i]! - discharge[origin]!;
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual(gapCap);
      const corridor = scenario.inpatient.transfers.find(
        (c) => c.fromSiteId === facility[origin] && c.toSiteId === facility[i],
      );
      expect(corridor).toBeDefined();
    });
    expect(transfers).toBeGreaterThan(0);
  });
});

describe('capacity_daily', () => {
  it('reports the local-midnight census of every stay, those admitted before the first day too', () => {
    const ip = table('ip_stays');
    const capacity = table('capacity_daily');
    const facility = column.numbers(ip, 'facility_id');
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    const date = column.numbers(capacity, 'date');
    const site = column.numbers(capacity, 'site_id');
    const census = column.numbers(capacity, 'census');
    const occupancy = column.numbers(capacity, 'occupancy');
    const staffed = column.numbers(capacity, 'staffed_beds');
    const days =
      civilDate.fromParts(scenario.startYear + ENCOUNTER_YEARS, 1, 1) -
      civilDate.fromParts(scenario.startYear, 1, 1);
    expect(capacity.numRows).toBe(days * scenario.sites.length);
    // The first day's rows, then days spread over the years, by counting stays directly.
    const rows = [...scenario.sites.keys()];
    for (let row = scenario.sites.length; row < capacity.numRows; row += 997) rows.push(row);
    for (const row of rows) {
      const midnight = clock.midnight(date[row]!);
      let inBed = 0;
      facility.forEach((f, i) => {
        if (f === site[row] && admit[i]! < midnight && midnight <= discharge[i]!) inBed++;
      });
      expect(census[row]).toBe(inBed);
      expect(occupancy[row]).toBeCloseTo(inBed / staffed[row]!, 4);
    }
    // No ramp from an empty hospital: day one is as full as the rest of January.
    const firstDay = census.slice(0, scenario.sites.length).reduce((a, b) => a + b, 0);
    const january = census.slice(0, 31 * scenario.sites.length).reduce((a, b) => a + b, 0) / 31;
    expect(firstDay).toBeGreaterThan(0.8 * january);
  });

  it('staffs each site each month for the four weeks before it at the target occupancy', () => {
    const capacity = table('capacity_daily');
    const date = column.numbers(capacity, 'date');
    const staffed = column.numbers(capacity, 'staffed_beds');
    const physical = column.numbers(capacity, 'physical_beds');
    const census = column.numbers(capacity, 'census');
    const F = scenario.sites.length;
    // Months after the first, whose four weeks before lie inside the table.
    for (const [year, month] of [
      [scenario.startYear, 3],
      [scenario.startYear + 1, 7],
    ] as const) {
      const start = civilDate.fromParts(year, month, 1);
      const first = (start - date[0]!) * F;
      expect(date[first]).toBe(start);
      scenario.sites.forEach((s, f) => {
        let sum = 0;
        for (let d = 1; d <= 28; d++) sum += census[first - d * F + f]!;
        const mean = sum / 28;
        const expected =
          mean > 0 ? Math.max(1, Math.round(mean / scenario.capacity.targetOccupancy)) : 0;
        expect(staffed[first + f]).toBe(expected);
        expect(physical[first + f]).toBeGreaterThanOrEqual(staffed[first + f]!);
        if (s.staffedBeds > 0)
          expect(physical[first + f]).toBeGreaterThanOrEqual(
            Math.round((expected * s.physicalBeds) / s.staffedBeds),
          );
      });
    }
    // Region-wide, occupancy sits in the configured band.
    const beds = staffed.reduce((a, b) => a + b, 0);
    const occupied = census.reduce((a, b) => a + b, 0);
    const [low, high] = scenario.capacity.occupancyBand;
    expect(occupied / beds).toBeGreaterThan(low);
    expect(occupied / beds).toBeLessThan(high);
  });
});
