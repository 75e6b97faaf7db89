import { defaultScenario } from '@lm-synth/config';
import { ED_SUBSERVICES } from '@lm-synth/config/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears } from './birth-date-range.js';
import type { Category } from './marginal.js';
import { sampleModel } from './sample-model.js';
import type { SynthesizerModel } from './synthesizer-model.js';
import { useTrainingModel } from './test-training-model.js';
import { ZoneClock } from './zone-clock.js';

const training = useTrainingModel(1_500);
type Rows = Record<string, Category | undefined>[];
const DAY_MS = 86_400_000;

/** Every table of a sample as plain rows (days, microseconds, numbers, strings). */
function collect(model: SynthesizerModel, patients: number, seed: number, unique?: boolean) {
  const out = new Map<string, Rows>();
  for (const { table, batches } of sampleModel(model, {
    patients,
    seed,
    ...(unique === undefined ? {} : { uniqueQuasiIdentifiers: unique }),
  })) {
    const rows: Rows = [];
    for (const batch of batches as Iterable<import('apache-arrow').RecordBatch>) {
      for (let i = 0; i < batch.numRows; i++) {
        const row: Record<string, Category> = {};
        for (const column of table.columns) {
          const value = batch.getChild(column.name)!.get(i) as unknown;
          // Arrow gives dates and timestamps in milliseconds: dates become days here.
          const plain =
            value === null || value === undefined
              ? null
              : typeof value === 'bigint'
                ? Number(value)
                : value instanceof Date
                  ? value.getTime()
                  : (value as Category);
          row[column.name] =
            column.type.kind === 'date' && plain !== null
              ? Math.round(Number(plain) / DAY_MS)
              : plain;
        }
        rows.push(row);
      }
    }
    out.set(table.name, rows);
  }
  return out;
}

const dayOf = (value: Category | undefined) => Number(value);

/** Throws (through expect) on the first row that breaks a rule of blueprint §4 and §8. */
function checkConstraints(
  model: SynthesizerModel,
  tables: Map<string, Rows>,
  unique: boolean,
): void {
  const scenario = defaultScenario();
  const clock = new ZoneClock(model.training.timeZone);
  const referenceDay = Date.parse(`${model.training.referenceDate}T00:00:00Z`) / DAY_MS;
  const bands = new Map(model.constraints.ageBands.map((band) => [band.group, band]));
  const patients = tables.get('patients')!;
  const byId = new Map(patients.map((row) => [row.patient_id, row]));
  const seen = new Set<string>();
  for (const p of patients) {
    const dob = dayOf(p.dob);
    const entry = dayOf(p.entry_date);
    const band = bands.get(String(p.age_group))!;
    const anchor = p.entry_reason === 'Resident' ? referenceDay : entry;
    const age = ageInYears(dob, anchor);
    expect(age).toBeGreaterThanOrEqual(band.minAge);
    expect(age).toBeLessThanOrEqual(band.maxAge ?? model.constraints.openBandMaxAge);
    if (p.entry_reason === 'Birth') expect(dob).toBe(entry);
    expect(p.exit_date === null).toBe(p.exit_reason === null);
    if (p.exit_date !== null) expect(dayOf(p.exit_date)).toBeGreaterThanOrEqual(entry);
    const key = `${dob}|${p.lha_id}|${p.gender}`;
    if (unique) expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
  const encounters = tables.get('ed_encounters') ?? [];
  const encounterById = new Map(encounters.map((row) => [row.encounter_id, row]));
  const visits = new Map<Category | undefined, number>();
  for (const e of encounters) {
    const p = byId.get(e.patient_id)!;
    expect(p).toBeDefined();
    const site = Number(e.facility_id) - 1;
    expect(scenario.coverage.ed[site]![ED_SUBSERVICES.indexOf(e.ed_subservice as never)]).toBe(
      true,
    );
    const day = clock.localDay(Number(e.arrival_ts) * 1000);
    expect(day).toBeGreaterThanOrEqual(dayOf(p.entry_date));
    if (p.exit_date !== null) expect(day).toBeLessThanOrEqual(dayOf(p.exit_date));
    if (
      day >= Date.UTC(model.training.startYear, 0, 1) / DAY_MS &&
      day < Date.UTC(model.training.startYear + 1, 0, 1) / DAY_MS
    )
      visits.set(e.patient_id, (visits.get(e.patient_id) ?? 0) + 1);
  }
  for (const p of patients) expect(p.ed_visits_year).toBe(visits.get(p.patient_id) ?? 0);
  const stays = tables.get('ip_stays') ?? [];
  const startMidnight = clock.localMidnight(Date.UTC(model.training.startYear, 0, 1) / DAY_MS);
  const stayById = new Map(stays.map((row) => [row.stay_id, row]));
  const losKnots = model.tables
    .find((table) => table.name === 'ip_stays')!
    .features.find((f) => f.name === 'los_days')!.marginal;
  const minLos = losKnots.kind === 'quantile' ? losKnots.knots[0]! : 0;
  for (const s of stays) {
    expect(byId.has(s.patient_id)).toBe(true);
    const los = Number(s.los_days);
    expect(los).toBeGreaterThanOrEqual(Math.max(0.25, minLos));
    if (s.alc_flag === true)
      expect(los).toBeGreaterThanOrEqual(scenario.inpatient.alcLosThresholdDays);
    expect(
      scenario.coverage.subprograms[Number(s.facility_id) - 1]![Number(s.program_id) - 1]![
        Number(s.subprogram_id) - 1
      ],
    ).toBe(true);
    if (s.discharge_ts !== null)
      expect(Number(s.discharge_ts) - Number(s.admit_ts)).toBeCloseTo(los * DAY_MS, -3);
    if (s.ed_encounter_id !== null) {
      const e = encounterById.get(s.ed_encounter_id)!;
      expect(s.admission_source).toBe('ED');
      expect(e.patient_id).toBe(s.patient_id);
      expect(e.dispo).toBe('Admitted');
      expect(Number(s.admit_ts)).toBeGreaterThanOrEqual(Number(e.arrival_ts));
      expect(Number(s.admit_ts) - Number(e.arrival_ts)).toBeLessThanOrEqual(
        scenario.ed.arrivalToAdmissionHours.max * 3_600_000,
      );
    }
    if (s.transfer_from_stay_id !== null) {
      const from = stayById.get(s.transfer_from_stay_id)!;
      expect(s.admission_source).toBe('Transfer');
      expect(from.patient_id).toBe(s.patient_id);
      expect(from.facility_id).not.toBe(s.facility_id);
      expect(Number(s.admit_ts)).toBe(Number(from.discharge_ts));
    }
    if (s.admission_source === 'Transfer') expect(s.transfer_from_stay_id).not.toBeNull();
    // An ED admission lacks its visit only when admitted from the warm-up year, within the
    // longest ED arrival-to-admission time after it (validate's rule).
    const boarding = scenario.ed.arrivalToAdmissionHours.max;
    if (s.admission_source === 'ED' && s.ed_encounter_id === null)
      expect(Number(s.admit_ts) * 1000).toBeLessThan(startMidnight + boarding * 3_600_000_000);
  }
}

describe('sampleModel', () => {
  it('keeps every constraint on every sampled row, for any seed and size', () => {
    const model = training.model();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 2_500 }),
        fc.boolean(),
        (seed, patients, unique) => {
          const tables = collect(model, patients, seed, unique);
          expect(tables.get('patients')).toHaveLength(patients);
          checkConstraints(model, tables, unique);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('is deterministic: the same model, size and seed give the same rows; another seed others', () => {
    const model = training.model();
    const a = collect(model, 900, 5);
    expect(collect(model, 900, 5)).toEqual(a);
    expect(collect(model, 900, 6).get('patients')).not.toEqual(a.get('patients'));
  });

  it('samples about as many children per patient as the training data had', () => {
    const model = training.model();
    const n = 3_000;
    const tables = collect(model, n, 8, false);
    const trainingPatients = model.training.tables.patients!;
    for (const name of ['ed_encounters', 'ip_stays']) {
      const expected = (model.training.tables[name]! / trainingPatients) * n;
      // Counts per patient are overdispersed: allow 5 Poisson standard errors times 2.
      expect(Math.abs(tables.get(name)!.length - expected)).toBeLessThan(10 * Math.sqrt(expected));
    }
  });

  it('refuses a size that is not a whole number of at least 1, in one line', () => {
    expect(() => sampleModel(training.model(), { patients: 0, seed: 1 })).toThrow(/at least 1/);
  });
});
