import { AGE_GROUPS, defaultScenario, ED_SUBSERVICES, GENDERS } from '@lm-synth/config';
import { chiSquareTest, medianWithCi } from '@lm-synth/stats';
import type { Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { civilDate } from './civil-date.js';
import { column } from './test-column.js';
import { testDataset } from './test-dataset.js';
import {
  arrivalWeightShare,
  type PatientYear,
  patientYears,
  scenarioClock,
} from './test-patient-years.js';

// Statistical targets at a fixed seed. Each check compares a total with its
// expectation and allows 4 standard errors, the SE worked out from the model
// (NegBin, Poisson or binomial variance at the tested size): a false alarm has
// probability about 6e-5 per check.
const scenario = defaultScenario();
const PATIENTS = 40_000;
const YEARS = 3;
const Z = 4;

let data: Record<string, Table>;
let years: PatientYear[];
beforeAll(async () => {
  data = await testDataset({ patients: PATIENTS, encounterYears: YEARS });
  years = patientYears(scenario, data.patients!, YEARS);
});
const clock = scenarioClock(scenario, YEARS);
const clockEnd = clock.midnight(civilDate.fromParts(scenario.startYear + YEARS, 1, 1));
/** Encounter year (0-based) of a stored instant, in local time. */
const yearOf = (seconds: number) =>
  civilDate.toParts(clock.localDayOf(seconds))[0] - scenario.startYear;

interface PatientIndex {
  readonly index: Map<string, number>;
  readonly lha: Float64Array;
  readonly age: number[];
  readonly gender: number[];
  readonly home: Float64Array;
}

function patientIndex(): PatientIndex {
  const patients = data.patients!;
  return {
    index: new Map(column.labels(patients, 'patient_id').map((id, i) => [id as string, i])),
    lha: column.numbers(patients, 'lha_id'),
    age: column.labels(patients, 'age_group').map((a) => AGE_GROUPS.indexOf(a as never)),
    gender: column.labels(patients, 'gender').map((g) => GENDERS.indexOf(g as never)),
    home: column.numbers(patients, 'facility_home_id'),
  };
}

const within = (observed: number, expected: number, variance: number) =>
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(Z * Math.sqrt(variance));

describe('ED encounters', () => {
  const countModel = scenario.ed.countModel;
  const k = countModel.model === 'negbin' ? countModel.dispersion : Number.POSITIVE_INFINITY;
  const _meanOf = (p: PatientIndex, i: number, s: number) =>
    scenario.ed.ratesPer1000[p.lha[i]! - 1]![p.age[i]!]![p.gender[i]!]![s]! / 1000;

  it('match the rates per 1,000 by age group and subservice over every patient-year (NegBin variance per patient)', () => {
    // Each patient-year counts at the rates of its age group that year, over the part of the
    // year the patient was there (weighted by the arrival profile): Poisson(G m f), NegBin(m f, k).
    // Youth past the Pediatric ED's age are seen in the Adult ED, so from 15 the two are one
    // segment; visits a UCC transfer sends to an ED are not drawn at the rates, so they are
    // left out. (Readmissions through the ED are drawn in place of part of the rates.)
    const p = patientIndex();
    const ed = data.ed_encounters!;
    const observed = new Float64Array(AGE_GROUPS.length * ED_SUBSERVICES.length);
    const subservice = column.labels(ed, 'ed_subservice');
    const arrival = column.numbers(ed, 'arrival_ts');
    const dispo = column.labels(ed, 'dispo');
    const patients = column.labels(ed, 'patient_id');
    const ageOfYear = new Map<string, number>();
    for (const py of years) ageOfYear.set(`${py.patient}:${py.year}`, py.age);
    const youth = AGE_GROUPS.indexOf('15-24');
    const pediatric = ED_SUBSERVICES.indexOf('Pediatric ED');
    const segment = (age: number, s: number) => age * 3 + (s === pediatric && age >= youth ? 0 : s);
    const receivedTransfer = (e: number) =>
      e > 0 &&
      patients[e - 1] === patients[e] &&
      subservice[e - 1] === 'Urgent Care Centre' &&
      dispo[e - 1] === 'Transferred' &&
      arrival[e]! - arrival[e - 1]! <= scenario.ed.transferDelayHours.max * 3_600;
    patients.forEach((id, e) => {
      if (receivedTransfer(e)) return;
      const age = ageOfYear.get(`${p.index.get(id as string)}:${yearOf(arrival[e]!)}`)!;
      observed[segment(age, ED_SUBSERVICES.indexOf(subservice[e] as never))]! += 1;
    });
    // Nobody visits the ED from a hospital bed: the days in a bed (half of the admission and
    // discharge days) are not exposure.
    const share = arrivalWeightShare(scenario);
    const ip = data.ip_stays!;
    const admit = column.numbers(ip, 'admit_ts');
    const discharge = column.numbers(ip, 'discharge_ts');
    const bedDays = new Map<number, [number, number][]>();
    column.labels(ip, 'patient_id').forEach((id, i) => {
      const patient = p.index.get(id as string)!;
      const last =
        discharge[i]! < clockEnd ? clock.localDayOf(discharge[i]!) : Number.MAX_SAFE_INTEGER;
      const first = admit[i]! < clockEnd ? clock.localDayOf(admit[i]!) : Number.MAX_SAFE_INTEGER;
      bedDays.set(patient, [...(bedDays.get(patient) ?? []), [first, last]]);
    });
    const inBed = (py: (typeof years)[number], s: number) => {
      let lost = 0;
      for (const [first, last] of bedDays.get(py.patient) ?? []) {
        const from = Math.max(first, py.from);
        const until = Math.min(last + 1, py.until);
        if (from >= until) continue;
        lost += share(s, from, until);
        if (first >= py.from && first < py.until) lost -= share(s, first, first + 1) / 2;
        if (last >= py.from && last < py.until) lost -= share(s, last, last + 1) / 2;
      }
      return lost;
    };
    // A patient's years share one frailty G: their visits to a segment over all years are
    // Poisson(G M) with M the sum of the years' means, so NegBin(M, k) with variance M + M^2/k.
    const expected = new Float64Array(observed.length);
    const perPatient = new Map<string, number>();
    for (const py of years) {
      for (let s = 0; s < 3; s++) {
        const m =
          (scenario.ed.ratesPer1000[py.lha]![py.age]![py.gender]![s]! / 1000) *
          (share(s, py.from, py.until) - inBed(py, s));
        expected[segment(py.age, s)]! += m;
        const key = `${py.patient}:${segment(py.age, s)}`;
        perPatient.set(key, (perPatient.get(key) ?? 0) + m);
      }
    }
    const variance = new Float64Array(observed.length);
    for (const [key, m] of perPatient) variance[Number(key.split(':')[1])]! += m + (m * m) / k;
    observed.forEach((o, segment) => {
      within(o, expected[segment]!, variance[segment]!);
    });
    expect(observed.reduce((a, b) => a + b, 0)).toBeGreaterThan(30_000);
  });

  it('are over-dispersed as configured: squared deviations match mean + mean^2 / k', () => {
    // A full start year's visits X of a resident are NegBin(m, k) with m the sum of its
    // segment's rates, so sum((X - m)^2) has mean sum(k2) and variance sum(k4 + 2 k2^2), with
    // NegBin cumulants k2 = m + m^2/k and k4 = m + 7m^2/k + 12m^3/k^2 + 6m^4/k^3.
    const p = patientIndex();
    const ed = data.ed_encounters!;
    const counts = new Float64Array(data.patients!.numRows);
    const arrival = column.numbers(ed, 'arrival_ts');
    column.labels(ed, 'patient_id').forEach((id, e) => {
      if (yearOf(arrival[e]!) === 0) counts[p.index.get(id as string)!]! += 1;
    });
    let squares = 0;
    let expected = 0;
    let variance = 0;
    let poissonExpected = 0;
    const yearDays =
      civilDate.fromParts(scenario.startYear + 1, 1, 1) -
      civilDate.fromParts(scenario.startYear, 1, 1);
    for (const py of years) {
      if (py.year !== 0 || py.until - py.from !== yearDays) continue;
      const rates = scenario.ed.ratesPer1000[py.lha]![py.age]![py.gender]!;
      const m = (rates[0]! + rates[1]! + rates[2]!) / 1000;
      const k2 = m + (m * m) / k;
      const k4 = m + (7 * m * m) / k + (12 * m ** 3) / k ** 2 + (6 * m ** 4) / k ** 3;
      squares += (counts[py.patient]! - m) ** 2;
      expected += k2;
      variance += k4 + 2 * k2 * k2;
      poissonExpected += m;
    }
    within(squares, expected, variance);
    // The check tells the models apart: Poisson counts would sit more than 8 SE below.
    expect(expected - poissonExpected).toBeGreaterThan(2 * Z * Math.sqrt(variance));
  });

  it('persist from year to year: a frequent user stays frequent (shared frailty)', () => {
    // With visits Poisson(G m_y) and one Gamma(k, 1/k) frailty G per patient, a resident's
    // counts in two full years covary by m_0 m_1 / k; independent years would covary by 0.
    const p = patientIndex();
    const ed = data.ed_encounters!;
    const n = data.patients!.numRows;
    const counts = new Float64Array(n * 2);
    const arrival = column.numbers(ed, 'arrival_ts');
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const y = yearOf(arrival[e]!);
      if (y < 2) counts[p.index.get(id as string)! * 2 + y]! += 1;
    });
    // Under 45, where stays are rare: a frequent user's days in a bed (with no ED visits) and
    // earlier death would otherwise thin the covariance the frailty gives.
    const full = new Map<number, number[]>();
    const under45 = AGE_GROUPS.indexOf('45-64');
    for (const py of years) {
      if (py.year > 1 || py.age >= under45) continue;
      const days =
        civilDate.fromParts(scenario.startYear + py.year + 1, 1, 1) -
        civilDate.fromParts(scenario.startYear + py.year, 1, 1);
      if (py.until - py.from !== days) continue;
      const rates = scenario.ed.ratesPer1000[py.lha]![py.age]![py.gender]!;
      const m = (rates[0]! + rates[1]! + rates[2]!) / 1000;
      full.set(py.patient, [...(full.get(py.patient) ?? []), m]);
    }
    let products = 0;
    let squaredProducts = 0;
    let expected = 0;
    for (const [i, means] of full) {
      if (means.length !== 2) continue;
      const product = (counts[i * 2]! - means[0]!) * (counts[i * 2 + 1]! - means[1]!);
      products += product;
      squaredProducts += product * product;
      expected += (means[0]! * means[1]!) / k;
    }
    // The standard error of a sum of independent products, estimated from the products.
    within(products, expected, squaredProducts);
    expect(expected).toBeGreaterThan(Z * Math.sqrt(squaredProducts));
  });

  it('send children to the Pediatric ED and adults to the Adult ED', () => {
    const p = patientIndex();
    const ed = data.ed_encounters!;
    const subservice = column.labels(ed, 'ed_subservice');
    let under15 = 0;
    let under15Pediatric = 0;
    let over25 = 0;
    let over25Pediatric = 0;
    let over25Adult = 0;
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const age = p.age[p.index.get(id as string)!]!;
      if (age <= 1) {
        under15++;
        if (subservice[e] === 'Pediatric ED') under15Pediatric++;
      } else if (age >= 3) {
        over25++;
        if (subservice[e] === 'Pediatric ED') over25Pediatric++;
        if (subservice[e] === 'Adult ED') over25Adult++;
      }
    });
    const v = scenario.validation;
    expect(under15Pediatric / under15).toBeGreaterThanOrEqual(v.pediatricShareUnder15Min);
    expect(over25Pediatric / over25).toBeLessThanOrEqual(v.pediatricShare25PlusMax);
    expect(over25Adult / over25).toBeGreaterThanOrEqual(v.adultEdShare25PlusMin);
  });

  it('go elsewhere than the home facility in the configured share (where home offers the subservice)', () => {
    const p = patientIndex();
    const ed = data.ed_encounters!;
    const facility = column.numbers(ed, 'facility_id');
    const subservice = column.labels(ed, 'ed_subservice');
    let eligible = 0;
    let elsewhere = 0;
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const home = p.home[p.index.get(id as string)!]!;
      if (!scenario.coverage.ed[home - 1]![ED_SUBSERVICES.indexOf(subservice[e] as never)]) return;
      eligible++;
      if (facility[e] !== home) elsewhere++;
    });
    const share = scenario.crossLha.edNonHomeShare;
    within(elsewhere, eligible * share, eligible * share * (1 - share));
  });

  it('arrive by the configured hour-of-day profile and monthly seasonality', () => {
    const ed = data.ed_encounters!;
    const subservice = column.labels(ed, 'ed_subservice');
    const arrival = column.numbers(ed, 'arrival_ts');
    ED_SUBSERVICES.forEach((name, s) => {
      const hours = new Float64Array(24);
      const months = new Float64Array(12);
      arrival.forEach((seconds, e) => {
        if (subservice[e] !== name) return;
        // Profiles are local wall-clock time; hours are read off days of 24 hours (not the
        // two a year that daylight saving makes 23 or 25 hours long).
        const day = clock.localDayOf(seconds);
        months[civilDate.toParts(day)[1] - 1]! += 1;
        if (clock.midnight(day + 1) - clock.midnight(day) === 86_400)
          hours[Math.floor((seconds - clock.midnight(day)) / 3_600)]! += 1;
      });
      // Expected months: seasonality x weekday weights summed over the days of each month.
      const expectedMonths = new Float64Array(12);
      for (let y = 0; y < YEARS; y++) {
        const first = civilDate.fromParts(scenario.startYear + y, 1, 1);
        const last = civilDate.fromParts(scenario.startYear + y + 1, 1, 1);
        for (let day = first; day < last; day++) {
          const month = civilDate.toParts(day)[1] - 1;
          expectedMonths[month]! +=
            scenario.ed.seasonality[s]![month]! *
            scenario.ed.weekdayProbabilities[s]![(day + 3) % 7]!;
        }
      }
      expect(chiSquareTest(hours, scenario.ed.hourProbabilities[s]!).pValue).toBeGreaterThan(1e-4);
      expect(chiSquareTest(months, expectedMonths).pValue).toBeGreaterThan(1e-4);
    });
  });
});

describe('deaths and departures', () => {
  it('end all activity: nothing before entry or after the exit day, and an ED death is the exit', () => {
    const patients = data.patients!;
    const p = patientIndex();
    const entry = column.numbers(patients, 'entry_date');
    const reason = column.labels(patients, 'entry_reason');
    const exit = column.numbers(patients, 'exit_date');
    const exitReason = column.labels(patients, 'exit_reason');
    const ed = data.ed_encounters!;
    const arrivals = column.numbers(ed, 'arrival_ts');
    const dispositions = column.labels(ed, 'dispo');
    const deathAt = new Map<number, number>();
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const i = p.index.get(id as string)!;
      const day = clock.localDayOf(arrivals[e]!);
      if (reason[i] !== 'Resident') expect(day).toBeGreaterThanOrEqual(entry[i]!);
      if (!Number.isNaN(exit[i]!)) expect(day).toBeLessThanOrEqual(exit[i]!);
      if (dispositions[e] !== 'Deceased') return;
      expect(deathAt.has(i), `patient ${i} dies twice`).toBe(false);
      deathAt.set(i, arrivals[e]!);
      expect(exitReason[i]).toBe('Death');
    });
    // Enough deaths that the check means something.
    expect(deathAt.size).toBeGreaterThan(20);
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const death = deathAt.get(p.index.get(id as string)!);
      if (death !== undefined) expect(arrivals[e]!).toBeLessThanOrEqual(death);
    });
    const ip = data.ip_stays!;
    const admits = column.numbers(ip, 'admit_ts');
    const discharges = column.numbers(ip, 'discharge_ts');
    const start = clock.midnight(civilDate.fromParts(scenario.startYear, 1, 1));
    const outcome = column.labels(ip, 'discharge_disposition');
    const end = clock.midnight(civilDate.fromParts(scenario.startYear + YEARS, 1, 1));
    // Long stays end past the simulated years, where days are UTC days.
    const dayOf = (utc: number) => (utc < end ? clock.localDayOf(utc) : Math.floor(utc / 86_400));
    const diedInBed = new Map<number, number>();
    column.labels(ip, 'patient_id').forEach((id, s) => {
      const i = p.index.get(id as string)!;
      const death = deathAt.get(i);
      if (death !== undefined) expect(admits[s]!, `stay ${s}`).toBeLessThanOrEqual(death);
      if (reason[i] !== 'Resident') expect(dayOf(admits[s]!)).toBeGreaterThanOrEqual(entry[i]!);
      if (!Number.isNaN(exit[i]!) && discharges[s]! >= start && discharges[s]! < end)
        expect(dayOf(discharges[s]!)).toBeLessThanOrEqual(exit[i]!);
      if (outcome[s] !== 'Died') return;
      // A death in a bed is the exit too, and nothing follows it.
      expect(diedInBed.has(i) || death !== undefined, `patient ${i} dies twice`).toBe(false);
      diedInBed.set(i, discharges[s]!);
      expect(exitReason[i]).toBe('Death');
      if (discharges[s]! < end) expect(exit[i]).toBe(dayOf(discharges[s]!));
    });
    expect(diedInBed.size).toBeGreaterThan(20);
    column.labels(ip, 'patient_id').forEach((id, s) => {
      const death = diedInBed.get(p.index.get(id as string)!);
      if (death !== undefined) expect(admits[s]!).toBeLessThan(death);
    });
    column.labels(ed, 'patient_id').forEach((id, e) => {
      const death = diedInBed.get(p.index.get(id as string)!);
      if (death !== undefined) expect(arrivals[e]!).toBeLessThan(death);
    });
  });

  it("leave the cohort at the projection's rates, so the living follow the projection", () => {
    // Residents on 1 January of each encounter year against population_projection x the
    // sampling fraction; each cohort member is there or not, so the count's variance is at most
    // the expected count (binomial-like sampling of entries and exits).
    const patients = data.patients!;
    const entry = column.numbers(patients, 'entry_date');
    const exit = column.numbers(patients, 'exit_date');
    const projection = data.population_projection!;
    const projectedYear = column.numbers(projection, 'year');
    const projected = column.numbers(projection, 'population');
    const start = projected.reduce(
      (sum, n, i) => sum + (projectedYear[i] === scenario.startYear ? n : 0),
      0,
    );
    for (let y = 1; y < YEARS; y++) {
      const first = civilDate.fromParts(scenario.startYear + y, 1, 1);
      let alive = 0;
      for (let i = 0; i < patients.numRows; i++)
        if (entry[i]! < first && (Number.isNaN(exit[i]!) || exit[i]! >= first)) alive++;
      const total = projected.reduce(
        (sum, n, i) => sum + (projectedYear[i] === scenario.startYear + y ? n : 0),
        0,
      );
      const expected = (total * PATIENTS) / start;
      within(alive, expected, expected);
    }
  });
});

describe('patients', () => {
  it('have a home facility other than their LHA default in the configured share', () => {
    const p = patientIndex();
    let cross = 0;
    p.home.forEach((home, i) => {
      if (home !== scenario.lhas[p.lha[i]! - 1]!.defaultSiteId) cross++;
    });
    const share = scenario.crossLha.homeFacilityShare;
    const n = p.home.length;
    within(cross, n * share, n * share * (1 - share));
  });
});

describe('inpatient stays', () => {
  const stays = () => {
    const ip = data.ip_stays!;
    const p = patientIndex();
    return {
      age: column.labels(ip, 'patient_id').map((id) => p.age[p.index.get(id as string)!]!),
      program: column.numbers(ip, 'program_id'),
      subprogram: column.numbers(ip, 'subprogram_id'),
      facility: column.numbers(ip, 'facility_id'),
      los: column.numbers(ip, 'los_days'),
      alc: column.labels(ip, 'alc_flag'),
      source: column.labels(ip, 'admission_source'),
      from: column.numbers(ip, 'transfer_from_stay_id'),
      p,
    };
  };

  it('admit electively at the configured rate over the days each patient is there (Poisson)', () => {
    // Planned admissions are Poisson per person-year at admission probability x the subprogram's
    // share of its program's bed subprograms x (1 - ED share) x (1 - 30-day readmission, which
    // comes back on its own); elective ones are never readmissions. Maternity follows the
    // mother's single year of age, so it is left out here (its own test is below).
    const ip = data.ip_stays!;
    const source = column.labels(ip, 'admission_source');
    const admit = column.numbers(ip, 'admit_ts');
    const { program, subprogram } = stays();
    const start = clock.midnight(civilDate.fromParts(scenario.startYear, 1, 1));
    const maternity = (pi: number, sp: number) => scenario.programs[pi]!.subprograms[sp]!.maternity;
    const observed = source.filter(
      (s, i) =>
        s === 'Elective' && admit[i]! >= start && !maternity(program[i]! - 1, subprogram[i]! - 1),
    ).length;
    const ipc = scenario.inpatient;
    const electivePerYear = (a: number, g: number) =>
      scenario.programs.reduce((sum, prog, pi) => {
        const mix = ipc.subprogramMixByGender[a]![g]![pi]!;
        const beds = prog.subprograms.reduce(
          (t, sub, sp) => t + (sub.setting === 'ambulatory' ? 0 : mix[sp]!),
          0,
        );
        if (beds <= 0) return sum;
        return (
          sum +
          prog.subprograms.reduce((t, sub, sp) => {
            if (sub.setting === 'ambulatory' || sub.maternity) return t;
            const route = ipc.admissionRoutes[pi]![sp]!;
            return (
              t +
              (ipc.admissionProbabilityByGender[a]![g]![pi]! *
                mix[sp]! *
                route[1]! *
                (1 - ipc.readmission30[a]![pi]!)) /
                beds
            );
          }, 0)
        );
      }, 0);
    let expected = 0;
    for (const py of years) {
      const days =
        civilDate.fromParts(scenario.startYear + py.year + 1, 1, 1) -
        civilDate.fromParts(scenario.startYear + py.year, 1, 1);
      expected += (electivePerYear(py.age, py.gender) * (py.until - py.from)) / days;
    }
    // Elective dates that fall while the patient is in a bed do not happen (about 0.2%).
    within(observed, expected * 0.998, expected);
    expect(expected).toBeGreaterThan(500);
  });

  it('admit each gender only to subprograms open to it, and mothers only at maternal ages', () => {
    const { program, subprogram, p } = stays();
    const gender = column
      .labels(data.ip_stays!, 'patient_id')
      .map((id) => p.gender[p.index.get(id as string)!]!);
    let restrictedStays = 0;
    program.forEach((prog, i) => {
      const genders = scenario.programs[prog - 1]!.subprograms[subprogram[i]! - 1]!.genders;
      if (genders.length === GENDERS.length) return;
      restrictedStays++;
      expect(genders, `stay ${i}`).toContain(GENDERS[gender[i]!]);
    });
    expect(restrictedStays).toBeGreaterThan(100);
    // Maternity stays only at the ages of the maternal birth rates, most at 25-39.
    const ip = data.ip_stays!;
    const admit = column.numbers(ip, 'admit_ts');
    const dob = column.numbers(data.patients!, 'dob');
    const mothers: number[] = [];
    column.labels(ip, 'patient_id').forEach((id, i) => {
      const sub = scenario.programs[program[i]! - 1]!.subprograms[subprogram[i]! - 1]!;
      if (!sub.maternity) return;
      const day = clock.localDayOf(Math.min(admit[i]!, clockEnd - 1));
      mothers.push(civilDate.ageAt(dob[p.index.get(id as string)!]!, day));
    });
    expect(mothers.length).toBeGreaterThan(100);
    for (const age of mothers) expect(scenario.inpatient.maternalAgeRates[age]).toBeGreaterThan(0);
    const prime = mothers.filter((age) => age >= 25 && age <= 39).length / mothers.length;
    expect(prime).toBeGreaterThan(0.7);
  });

  it('flag ALC at the configured probability by age group and program', () => {
    const { age, program, alc } = stays();
    let expected = 0;
    let variance = 0;
    let observed = 0;
    program.forEach((prog, i) => {
      const q = scenario.inpatient.alcProbability[age[i]!]![prog - 1]!;
      expected += q;
      variance += q * (1 - q);
      if (alc[i] === true) observed++;
    });
    expect(observed).toBeGreaterThan(0);
    within(observed, expected, variance);
  });

  it('transfer along each corridor at its probability', () => {
    const { facility, source, from } = stays();
    for (const corridor of scenario.inpatient.transfers) {
      let candidates = 0;
      let transferred = 0;
      facility.forEach((f, i) => {
        if (f === corridor.fromSiteId && source[i] !== 'Transfer') candidates++;
        if (
          source[i] === 'Transfer' &&
          f === corridor.toSiteId &&
          facility[from[i]! - 1] === corridor.fromSiteId
        )
          transferred++;
      });
      const q = corridor.probability;
      within(transferred, candidates * q, Math.max(candidates * q * (1 - q), 1));
    }
  });

  it("have LOS medians in the configured bands at their patients' age, longer with age", () => {
    // Acute days are lognormal with the median moved by the program's factor per decade of age;
    // discharge timing then moves each end to a discharge hour (and past quiet weekdays), so the
    // band is checked at the stays' median age, widened by half a day for that move.
    const ip = data.ip_stays!;
    const { program, subprogram, los } = stays();
    const alcDays = column.numbers(ip, 'alc_days');
    const admit = column.numbers(ip, 'admit_ts');
    const p = patientIndex();
    const dob = column.numbers(data.patients!, 'dob');
    const ageAt = column
      .labels(ip, 'patient_id')
      .map((id, i) =>
        civilDate.ageAt(
          dob[p.index.get(id as string)!]!,
          clock.localDayOf(Math.min(admit[i]!, clockEnd - 1)),
        ),
      );
    let checked = 0;
    scenario.programs.forEach((prog, pi) => {
      prog.subprograms.forEach((sub, sp) => {
        if (sub.setting !== 'inpatient') return;
        const acute: number[] = [];
        const ages: number[] = [];
        program.forEach((value, i) => {
          if (value !== pi + 1 || subprogram[i] !== sp + 1 || alcDays[i]! > 0) return;
          acute.push(los[i]!);
          ages.push(ageAt[i]!);
        });
        if (acute.length < 100) return;
        checked++;
        const { medianBand } = scenario.inpatient.los[pi]![sp]!;
        const medianAge = medianWithCi(ages).median;
        const factor =
          scenario.inpatient.losAgeFactorPerDecade[pi]! **
          ((medianAge - scenario.inpatient.losReferenceAge) / 10);
        const median = medianWithCi(acute).median;
        expect(median, sub.key).toBeGreaterThanOrEqual(medianBand[0] * factor - 0.5);
        expect(median, sub.key).toBeLessThanOrEqual(medianBand[1] * factor + 0.5);
      });
    });
    expect(checked).toBeGreaterThanOrEqual(8);
    // Within General Medicine, the older half stays longer than the younger half.
    const medicine = scenario.programs.findIndex((prog) => prog.key === 'medicine') + 1;
    const general: { age: number; los: number }[] = [];
    program.forEach((value, i) => {
      if (value === medicine && subprogram[i] === 1 && alcDays[i] === 0)
        general.push({ age: ageAt[i]!, los: los[i]! });
    });
    general.sort((a, b) => a.age - b.age);
    const half = Math.floor(general.length / 2);
    const younger = medianWithCi(general.slice(0, half).map((g) => g.los));
    const older = medianWithCi(general.slice(half).map((g) => g.los));
    expect(older.lower).toBeGreaterThan(younger.upper);
  });
});
