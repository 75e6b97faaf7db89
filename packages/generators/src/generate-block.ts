import { createStream, type RandomSource } from '@lm-synth/stats';
import { OLDEST_AGE } from './age-group-birth-ranges.js';
import { birthDateRange } from './birth-date-range.js';
import type { BlockColumns, BlockNeeds, BlockResult } from './block-result.js';
import { civilDate } from './civil-date.js';
import { BIRTH } from './cohort-plan.js';
import { RESIDENT_POOL } from './dob-pools.js';
import { CELL_BUCKETS, type GeneratorContext, PATIENTS_PER_BLOCK } from './generator-context.js';
import { NULL_DATE } from './null-date.js';
import {
  type BlockStreams,
  NEVER,
  patient,
  SECONDS_PER_CENTIDAY,
  simulatePatient,
  stays,
  visits,
} from './patient-episodes.js';
import { grow } from './patient-scratch.js';
import { writeInt64 } from './write-int64.js';
import { PATIENT_ID_BYTES, writePatientId } from './write-patient-id.js';

/** Whole seconds as Int64 microseconds (timestamp columns). */
function writeMicros(words: Int32Array, row: number, seconds: number): void {
  writeInt64(words, row, seconds * 1_000_000);
}

function copyPatientId(from: Uint8Array, fromRow: number, to: Uint8Array, toRow: number): void {
  const source = fromRow * PATIENT_ID_BYTES;
  const target = toRow * PATIENT_ID_BYTES;
  for (let b = 0; b < PATIENT_ID_BYTES; b++) to[target + b] = from[source + b]!;
}

/** ed_encounters rows of a block, in typed arrays that double when full. */
class EdRows {
  capacity: number;
  patientId: Uint8Array;
  facility: Int32Array;
  subservice: Int8Array;
  arrival: BigInt64Array;
  arrivalWords: Int32Array;
  acuity: Int8Array;
  disposition: Int8Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.patientId = new Uint8Array(capacity * PATIENT_ID_BYTES);
    this.facility = new Int32Array(capacity);
    this.subservice = new Int8Array(capacity);
    this.arrival = new BigInt64Array(capacity);
    this.arrivalWords = new Int32Array(this.arrival.buffer);
    this.acuity = new Int8Array(capacity);
    this.disposition = new Int8Array(capacity);
  }

  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    while (this.capacity < rows) this.capacity *= 2;
    this.patientId = grow(this.patientId, this.capacity * PATIENT_ID_BYTES);
    this.facility = grow(this.facility, this.capacity);
    this.subservice = grow(this.subservice, this.capacity);
    this.arrival = grow(this.arrival, this.capacity);
    this.arrivalWords = new Int32Array(this.arrival.buffer);
    this.acuity = grow(this.acuity, this.capacity);
    this.disposition = grow(this.disposition, this.capacity);
  }

  /** Copies of the filled rows: the run may hold them until a later pass (see DatasetRun). */
  columns(rows: number): BlockColumns {
    return {
      patient_id: this.patientId.slice(0, rows * PATIENT_ID_BYTES),
      facility_id: this.facility.slice(0, rows),
      ed_subservice: this.subservice.slice(0, rows),
      arrival_ts: this.arrival.slice(0, rows),
      acuity: this.acuity.slice(0, rows),
      dispo: this.disposition.slice(0, rows),
    };
  }
}

/** ip_stays rows of a block, plus each stay's census span. */
class IpRows {
  capacity: number;
  patientId: Uint8Array;
  facility: Int32Array;
  program: Int32Array;
  subprogram: Int32Array;
  admit: BigInt64Array;
  admitWords: Int32Array;
  discharge: BigInt64Array;
  dischargeWords: Int32Array;
  los: Float64Array;
  alcDays: Float64Array;
  alc: Uint8Array;
  source: Int8Array;
  outcome: Int8Array;
  encounter: Int32Array;
  from: Int32Array;
  census: Int32Array;
  private censusCapacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.patientId = new Uint8Array(capacity * PATIENT_ID_BYTES);
    this.facility = new Int32Array(capacity);
    this.program = new Int32Array(capacity);
    this.subprogram = new Int32Array(capacity);
    this.admit = new BigInt64Array(capacity);
    this.admitWords = new Int32Array(this.admit.buffer);
    this.discharge = new BigInt64Array(capacity);
    this.dischargeWords = new Int32Array(this.discharge.buffer);
    this.los = new Float64Array(capacity);
    this.alcDays = new Float64Array(capacity);
    this.alc = new Uint8Array(capacity);
    this.source = new Int8Array(capacity);
    this.outcome = new Int8Array(capacity);
    this.encounter = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.censusCapacity = capacity;
    this.census = new Int32Array(capacity * 3);
  }

  /** Census spans are kept for every stay, written or not (warm-up stays fill the first beds). */
  ensureCensus(stays: number): void {
    if (stays <= this.censusCapacity) return;
    while (this.censusCapacity < stays) this.censusCapacity *= 2;
    this.census = grow(this.census, this.censusCapacity * 3);
  }

  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    while (this.capacity < rows) this.capacity *= 2;
    this.patientId = grow(this.patientId, this.capacity * PATIENT_ID_BYTES);
    this.facility = grow(this.facility, this.capacity);
    this.program = grow(this.program, this.capacity);
    this.subprogram = grow(this.subprogram, this.capacity);
    this.admit = grow(this.admit, this.capacity);
    this.admitWords = new Int32Array(this.admit.buffer);
    this.discharge = grow(this.discharge, this.capacity);
    this.dischargeWords = new Int32Array(this.discharge.buffer);
    this.los = grow(this.los, this.capacity);
    this.alcDays = grow(this.alcDays, this.capacity);
    this.alc = grow(this.alc, this.capacity);
    this.source = grow(this.source, this.capacity);
    this.outcome = grow(this.outcome, this.capacity);
    this.encounter = grow(this.encounter, this.capacity);
    this.from = grow(this.from, this.capacity);
  }

  /** Copies of the filled rows: the run may hold them until a later pass (see DatasetRun). */
  columns(rows: number): BlockColumns {
    return {
      patient_id: this.patientId.slice(0, rows * PATIENT_ID_BYTES),
      facility_id: this.facility.slice(0, rows),
      program_id: this.program.slice(0, rows),
      subprogram_id: this.subprogram.slice(0, rows),
      admit_ts: this.admit.slice(0, rows),
      discharge_ts: this.discharge.slice(0, rows),
      los_days: this.los.slice(0, rows),
      alc_days: this.alcDays.slice(0, rows),
      alc_flag: this.alc.slice(0, rows),
      admission_source: this.source.slice(0, rows),
      ed_encounter_id: this.encounter.slice(0, rows),
      transfer_from_stay_id: this.from.slice(0, rows),
      discharge_disposition: this.outcome.slice(0, rows),
    };
  }
}

// Each phase below is its own small function so V8 inlines the samplers it calls.

/** Age group (index) of someone born on `dob` at `day`. */
function ageGroupAt(context: GeneratorContext, dob: number, day: number): number {
  const years = civilDate.ageAt(dob, day);
  let age = 0;
  while (age + 1 < context.ageGroupCount && years >= context.minAges[age + 1]!) age++;
  return age;
}

/** A day from `days` (ascending): the k-th of a keyed permutation when unique, else uniform. */
function pickDay(
  context: GeneratorContext,
  days: Int32Array,
  purpose: string,
  group: number,
  rank: number,
): number {
  // planDataset checks every group fits its days; a miss here is a bug, not bad input.
  if (rank >= days.length) throw new Error(`${purpose} group ${group} has no birth date left`);
  return days[context.groupOrder(purpose, group, days.length).apply(rank)]!;
}

/** A resident: cell, rank in the cell, home facility and date of birth of patient `ordinal`. */
function placeResident(context: GeneratorContext, ordinal: number): void {
  // The patient's slot in the cell-by-cell allocation gives its cell and rank in the cell.
  const slot = context.order.apply(ordinal);
  const cellStart = context.cellStart;
  let cell = context.cellOfBucket[Math.floor((slot * CELL_BUCKETS) / context.patients)]!;
  while (cellStart[cell + 1]! <= slot) cell++;
  const cellsPerLha = context.ageGroupCount * context.genderCount;
  patient.cell = cell;
  patient.lha = Math.floor(cell / cellsPerLha);
  patient.age = Math.floor((cell % cellsPerLha) / context.genderCount);
  patient.gender = cell % context.genderCount;
  const rank = slot - cellStart[cell]!;
  patient.dob = context.residentBirthDays.dayOf(cell, rank, patient.lha, patient.gender);
  patient.entryDay = context.yearFirstDay[1]!;
  patient.entryReason = context.codes.resident;
  patient.entryYear = 0;
}

/** An entrant: its group gives the year, kind, LHA, age group and gender. */
function placeEntrant(context: GeneratorContext, ordinal: number): void {
  const { cohort } = context;
  const A = context.ageGroupCount;
  const G = context.genderCount;
  const cellsPerYear = (cohort.entrants.length / 2 / (context.calendarYears.length - 1)) | 0;
  // Groups are few (2 x LHAs x age groups x genders per year): bisect their starts.
  let low = 0;
  let high = cohort.entrants.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (cohort.entrantStart[middle]! <= ordinal) low = middle;
    else high = middle - 1;
  }
  const group = low;
  const rank = ordinal - cohort.entrantStart[group]!;
  const year = Math.floor(group / (2 * cellsPerYear));
  const kind = Math.floor(group / cellsPerYear) % 2;
  const cell = group % cellsPerYear;
  const lha = Math.floor(cell / (A * G));
  const gender = cell % G;
  const ageNextYear = Math.floor((cell % (A * G)) / G);
  const first = context.yearFirstDay[year + 1]!;
  const next = context.yearFirstDay[year + 2]!;
  const source = context.slots.patients;
  const pools = context.dobPools;
  patient.lha = lha;
  patient.gender = gender;
  patient.entryYear = year + 1;
  if (kind === BIRTH) {
    // Born in the year, after the reference date (residents born up to it are in the cohort).
    const from = Math.max(first, context.referenceDay + 1);
    patient.dob = pools
      ? pickDay(
          context,
          pools.days(lha, gender, RESIDENT_POOL, from, next - 1),
          'births',
          (year * context.lhaCount + lha) * G + gender,
          rank,
        )
      : from + Math.floor(source.next() * (next - from));
    patient.entryDay = patient.dob;
    patient.entryReason = context.codes.birth;
  } else {
    // Aged ageNextYear on the next 1 January; moves in on a uniform day once born.
    const minAge = context.minAges[ageNextYear]!;
    const maxAge = ageNextYear + 1 < A ? context.minAges[ageNextYear + 1]! - 1 : OLDEST_AGE;
    const range = birthDateRange(next, minAge, maxAge);
    const last = Math.min(range.first + range.count - 1, next - 1);
    patient.dob = context.migrantBirthDates
      ? context.migrantBirthDates[ordinal - cohort.baseline]!
      : range.first + Math.floor(source.next() * (last - range.first + 1));
    const from = Math.max(first, patient.dob);
    patient.entryDay = from + Math.floor(source.next() * (next - from));
    patient.entryReason = context.codes.inMigration;
  }
  patient.age = ageGroupAt(context, patient.dob, patient.entryDay);
  patient.cell = (lha * A + patient.age) * G + gender;
}

/** Id, place in the cohort, home facility and frailty of patient `ordinal`. */
function placePatient(
  context: GeneratorContext,
  ordinal: number,
  ids: Uint8Array,
  row: number,
): void {
  if (ordinal < context.cohort.baseline) placeResident(context, ordinal);
  else placeEntrant(context, ordinal);
  writePatientId(ids, row * PATIENT_ID_BYTES, context.patientIds.apply(ordinal));
  let home = context.lhaDefaultSite[patient.lha]!;
  if (context.crossLha() === 1) {
    const other = context.crossLhaSite[patient.lha];
    if (other) home = other();
  }
  patient.home = home;
  patient.frailty = context.frailty();
  patient.exitDay = NEVER;
  patient.exitReason = -1;
  patient.deathTime = NEVER;
}

function writeVisits(ed: EdRows, ids: Uint8Array, row: number, firstRow: number): number {
  const written = patient.encounters - patient.warmUpVisits;
  ed.ensure(firstRow + written);
  for (let e = 0; e < written; e++) {
    const visit = visits.order[patient.warmUpVisits + e]!;
    const at = firstRow + e;
    copyPatientId(ids, row, ed.patientId, at);
    ed.facility[at] = visits.facility[visit]! + 1;
    ed.subservice[at] = visits.kind[visit]!;
    writeMicros(ed.arrivalWords, at, visits.time[visit]!);
    ed.acuity[at] = visits.acuity[visit]!;
    ed.disposition[at] = visits.disposition[visit]!;
  }
  return written;
}

/**
 * Writes the patient's stays in admission order, leaving out warm-up stays discharged before
 * the start year's first midnight; returns the rows written. Census spans are local days
 * counted from the warm-up year's first day.
 */
function writeStays(
  context: GeneratorContext,
  ip: IpRows,
  ids: Uint8Array,
  row: number,
  firstRow: number,
  firstCensus: number,
  edBase: number,
): number {
  const count = patient.stays;
  ip.ensure(firstRow + count);
  ip.ensureCensus(firstCensus + count);
  let written = 0;
  for (let r = 0; r < count; r++) {
    const stay = stays.order[r]!;
    const admit = stays.time[stay]!;
    const discharge = admit + stays.cents[stay]! * SECONDS_PER_CENTIDAY;
    // In a bed at local midnight m when admit < m <= discharge.
    const firstNight = context.localDayOf(admit) + 1 - context.censusFirstDay;
    const endNight = context.localDayOf(discharge) + 1 - context.censusFirstDay;
    const at = firstCensus + r;
    ip.census[3 * at] = stays.facility[stay]!;
    ip.census[3 * at + 1] = Math.min(Math.max(firstNight, 0), context.censusDays);
    ip.census[3 * at + 2] = Math.min(Math.max(endNight, 0), context.censusDays);
    stays.rank[stay] = discharge < context.startMidnight ? -1 : written++;
  }
  // Ranks now count written stays only, so transfer references can point at them.
  for (let r = 0; r < count; r++) {
    const stay = stays.order[r]!;
    if (stays.rank[stay]! < 0) continue;
    const target = firstRow + stays.rank[stay]!;
    const admit = stays.time[stay]!;
    copyPatientId(ids, row, ip.patientId, target);
    ip.facility[target] = stays.facility[stay]! + 1;
    ip.program[target] = stays.kind[stay]! + 1;
    ip.subprogram[target] = stays.detail[stay]! - context.pairOffset[stays.kind[stay]!]! + 1;
    writeMicros(ip.admitWords, target, admit);
    writeMicros(ip.dischargeWords, target, admit + stays.cents[stay]! * SECONDS_PER_CENTIDAY);
    ip.los[target] = stays.cents[stay]! / 100;
    ip.alcDays[target] = stays.alcCents[stay]! / 100;
    ip.alc[target] = stays.alcCents[stay]! > 0 ? 1 : 0;
    ip.source[target] = stays.source[stay]!;
    ip.outcome[target] = stays.disposition[stay]!;
    // The ED row of the visit: its place among the patient's written visits.
    const visit = stays.encounter[stay]!;
    const written = visit < 0 ? -1 : visits.rank[visit]! - patient.warmUpVisits;
    ip.encounter[target] = written < 0 ? -1 : edBase + written;
    const from = stays.from[stay]!;
    const fromRank = from < 0 ? -1 : stays.rank[from]!;
    ip.from[target] = fromRank < 0 ? -1 : firstRow + fromRank;
  }
  return written;
}

/**
 * The rows of one logical block of patients: a pure function of the context
 * and the block index. Each block draws from its own streams, one per purpose
 * (patients; cohort exits, ED counts, ED visit details and inpatient stays per
 * calendar year), so rows never depend on which thread computes the block.
 * Every pass simulates the same activity (a patient's exit may come from an ED
 * visit), and writes only the tables it needs.
 */
export function generateBlock(
  context: GeneratorContext,
  blockIndex: number,
  needs: BlockNeeds,
): BlockResult {
  const { seed } = context;
  const first = blockIndex * PATIENTS_PER_BLOCK;
  const patientCount = Math.min(PATIENTS_PER_BLOCK, context.cohort.total - first);
  // Stays move exits (a stay runs to its discharge), so every pass draws them when ip_stays exists.
  const withStays = context.withIp;
  const streams = (purpose: string): RandomSource[] =>
    context.calendarYears.map((year) => createStream(seed, `${purpose}:${year}`, blockIndex));
  const blockStreams: BlockStreams = {
    edCounts: streams('ed-counts'),
    edVisits: streams('ed-visits'),
    // ED transfers time their receiving visit on these too, so they exist without ip_stays.
    inpatient: streams('ip'),
    cohort: streams('cohort'),
  };
  context.slots.patients.source = createStream(seed, 'patients', blockIndex);

  const ids = new Uint8Array(patientCount * PATIENT_ID_BYTES);
  const patients = needs.patients
    ? {
        lha_id: new Int32Array(patientCount),
        facility_home_id: new Int32Array(patientCount),
        age_group: new Int8Array(patientCount),
        gender: new Int8Array(patientCount),
        dob: new Int32Array(patientCount),
        primary_ed_subservice: new Int8Array(patientCount),
        expected_ed_rate: new Float64Array(patientCount),
        ed_visits_year: new Int32Array(patientCount),
        weight: new Float64Array(patientCount).fill(context.cohort.weight),
        entry_date: new Int32Array(patientCount),
        entry_reason: new Int8Array(patientCount),
        exit_date: new Int32Array(patientCount),
        exit_reason: new Int8Array(patientCount),
      }
    : null;
  // About 0.4 visits and 0.08 stays per person-year with the defaults: start near that.
  const years = context.calendarYears.length;
  const ed = needs.ed ? new EdRows(Math.max(16, (patientCount * years) >> 1)) : null;
  const ip = needs.ip ? new IpRows(Math.max(16, (patientCount * years) >> 3)) : null;
  let edRows = 0;
  let ipRows = 0;
  let censusRows = 0;

  for (let i = 0; i < patientCount; i++) {
    placePatient(context, first + i, ids, i);
    simulatePatient(context, blockStreams, withStays);
    if (ed) writeVisits(ed, ids, i, edRows);
    if (ip) {
      const written = writeStays(context, ip, ids, i, ipRows, censusRows, edRows);
      ipRows += written;
      censusRows += patient.stays;
    }
    edRows += patient.encounters - patient.warmUpVisits;
    if (patients) {
      const { cell, age } = patient;
      patients.lha_id[i] = patient.lha + 1;
      patients.facility_home_id[i] = patient.home + 1;
      patients.age_group[i] = age;
      patients.gender[i] = patient.gender;
      patients.dob[i] = patient.dob;
      patients.primary_ed_subservice[i] = context.primarySubservice[cell]!;
      patients.expected_ed_rate[i] = context.expectedEdRate[cell]!;
      patients.ed_visits_year[i] = patient.startYearVisits;
      patients.entry_date[i] = patient.entryDay;
      patients.entry_reason[i] = patient.entryReason;
      patients.exit_date[i] = patient.exitReason >= 0 ? patient.exitDay : NULL_DATE;
      patients.exit_reason[i] = patient.exitReason;
    }
  }

  return {
    blockIndex,
    patientCount,
    edCount: edRows,
    ipCount: ipRows,
    ...(patients ? { patients: { patient_id: ids, ...patients } } : {}),
    ...(ed ? { ed: ed.columns(edRows) } : {}),
    ...(ip ? { ip: ip.columns(ipRows), census: ip.census.slice(0, 3 * censusRows) } : {}),
  };
}
