import { createStream, type RandomSource } from '@lm-synth/stats';
import type { BlockColumns, BlockNeeds, BlockResult } from './block-result.js';
import { CELL_BUCKETS, type GeneratorContext, PATIENTS_PER_BLOCK } from './generator-context.js';
import { writeInt64 } from './write-int64.js';
import { PATIENT_ID_BYTES, writePatientId } from './write-patient-id.js';

const SECONDS_PER_DAY = 86_400;
/** los_days has two decimals: 0.01 day is 864 s, so discharge_ts stays in whole seconds. */
const SECONDS_PER_CENTIDAY = 864;

type Growable = Int8Array | Uint8Array | Int32Array | Float64Array | BigInt64Array;

function grow<T extends Growable>(array: T, size: number): T {
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array as never);
  return grown;
}

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
  alc: Uint8Array;
  source: Int8Array;
  encounter: Int32Array;
  from: Int32Array;
  census: Int32Array;

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
    this.alc = new Uint8Array(capacity);
    this.source = new Int8Array(capacity);
    this.encounter = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.census = new Int32Array(capacity * 3);
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
    this.alc = grow(this.alc, this.capacity);
    this.source = grow(this.source, this.capacity);
    this.encounter = grow(this.encounter, this.capacity);
    this.from = grow(this.from, this.capacity);
    this.census = grow(this.census, this.capacity * 3);
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
      alc_flag: this.alc.slice(0, rows),
      admission_source: this.source.slice(0, rows),
      ed_encounter_id: this.encounter.slice(0, rows),
      transfer_from_stay_id: this.from.slice(0, rows),
    };
  }
}

/** One patient's encounters or stays before they are sorted by time; reused across patients. */
class PatientScratch {
  size = 64;
  time = new Float64Array(this.size);
  facility = new Int32Array(this.size);
  kind = new Int32Array(this.size);
  detail = new Int32Array(this.size);
  acuity = new Int8Array(this.size);
  disposition = new Int8Array(this.size);
  year = new Int32Array(this.size);
  cents = new Int32Array(this.size);
  alc = new Uint8Array(this.size);
  source = new Int8Array(this.size);
  encounter = new Int32Array(this.size);
  from = new Int32Array(this.size);
  order = new Int32Array(this.size);
  rank = new Int32Array(this.size);

  ensure(count: number): void {
    if (count <= this.size) return;
    while (this.size < count) this.size *= 2;
    this.time = grow(this.time, this.size);
    this.facility = grow(this.facility, this.size);
    this.kind = grow(this.kind, this.size);
    this.detail = grow(this.detail, this.size);
    this.acuity = grow(this.acuity, this.size);
    this.disposition = grow(this.disposition, this.size);
    this.year = grow(this.year, this.size);
    this.cents = grow(this.cents, this.size);
    this.alc = grow(this.alc, this.size);
    this.source = grow(this.source, this.size);
    this.encounter = grow(this.encounter, this.size);
    this.from = grow(this.from, this.size);
    this.order = grow(this.order, this.size);
    this.rank = grow(this.rank, this.size);
  }

  /** Fills order[0..count) with the rows sorted by time, stably (insertion sort: counts are tiny). */
  sort(count: number): void {
    const { order, time } = this;
    for (let i = 0; i < count; i++) order[i] = i;
    for (let i = 1; i < count; i++) {
      const item = order[i]!;
      const value = time[item]!;
      let j = i - 1;
      while (j >= 0 && time[order[j]!]! > value) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
    for (let r = 0; r < count; r++) this.rank[order[r]!] = r;
  }
}

// Encounters: kind = subservice, detail unused. Stays: kind = program, detail = subprogram.
const visits = new PatientScratch();
const stays = new PatientScratch();

/** Puts stay number `count` of the current patient (age group `age`) in scratch, drawing its LOS and ALC flag. */
function addStay(
  context: GeneratorContext,
  count: number,
  age: number,
  facility: number,
  program: number,
  subprogram: number,
  admit: number,
  source: number,
  encounter: number,
  from: number,
): void {
  stays.ensure(count + 1);
  let cents = Math.round(context.los[context.pairOffset[program]! + subprogram]!() * 100);
  const alc = context.alc[age * context.programCount + program]!();
  if (alc === 1 && cents < context.alcMinimumCents) cents = context.alcMinimumCents;
  stays.facility[count] = facility;
  stays.kind[count] = program;
  stays.detail[count] = subprogram;
  stays.time[count] = admit;
  stays.cents[count] = cents;
  stays.alc[count] = alc;
  stays.source[count] = source;
  stays.encounter[count] = encounter;
  stays.from[count] = from;
}

/**
 * A stay at a corridor's from-site may continue at the partner site (one hop); returns the stays
 * now held. `ageGender` is the patient's age group * genderCount + gender.
 */
function maybeTransfer(
  context: GeneratorContext,
  count: number,
  age: number,
  ageGender: number,
  stay: number,
): number {
  const site = stays.facility[stay]!;
  const draw = context.transfer[site];
  if (!draw) return count;
  const corridor = draw();
  if (corridor === 0) return count;
  const F = context.siteCount;
  const P = context.programCount;
  const to = context.transferTo[site]![corridor - 1]!;
  let program = stays.kind[stay]!;
  let subprogram = stays.detail[stay]!;
  // Same subprogram if the partner offers it, else the same program, else what the partner admits.
  if (context.offered[to * context.pairCount + context.pairOffset[program]! + subprogram] !== 1) {
    const sameProgram = context.subprogramAtSite[(ageGender * F + to) * P + program];
    if (sameProgram) {
      subprogram = sameProgram();
    } else {
      const anyProgram = context.programAtSite[ageGender * F + to];
      if (!anyProgram) return count;
      program = anyProgram();
      subprogram = context.subprogramAtSite[(ageGender * F + to) * P + program]!();
    }
  }
  const admit = stays.time[stay]! + stays.cents[stay]! * SECONDS_PER_CENTIDAY;
  addStay(context, count, age, to, program, subprogram, admit, context.codes.transfer, -1, stay);
  return count + 1;
}

/** The patient being generated; one instance, reused. */
const patient = {
  cell: 0,
  rank: 0,
  lha: 0,
  age: 0,
  gender: 0,
  home: 0,
  birthOffset: 0,
  encounters: 0,
  startYearVisits: 0,
  stays: 0,
  /** Arrival (epoch seconds) of the ED visit the patient died at, or Infinity. */
  deathTime: Number.POSITIVE_INFINITY,
};

// Each phase below is its own small function so V8 inlines the samplers it calls.

/** Cell, rank in the cell, id, home facility and birth-date offset of patient `ordinal`. */
function placePatient(
  context: GeneratorContext,
  ordinal: number,
  ids: Uint8Array,
  row: number,
): void {
  // The patient's slot in the cell-by-cell allocation gives its cell and rank in the cell.
  const slot = context.order.apply(ordinal);
  const cellStart = context.cellStart;
  let cell = context.cellOfBucket[Math.floor((slot * CELL_BUCKETS) / context.patients)]!;
  while (cellStart[cell + 1]! <= slot) cell++;
  const cellsPerLha = context.ageGroupCount * context.genderCount;
  const lha = Math.floor(cell / cellsPerLha);
  const age = Math.floor((cell % cellsPerLha) / context.genderCount);
  writePatientId(ids, row * PATIENT_ID_BYTES, context.patientIds.apply(ordinal));
  let home = context.lhaDefaultSite[lha]!;
  if (context.crossLha() === 1) {
    const other = context.crossLhaSite[lha];
    if (other) home = other();
  }
  patient.cell = cell;
  patient.rank = slot - cellStart[cell]!;
  patient.lha = lha;
  patient.age = age;
  patient.gender = cell % context.genderCount;
  patient.home = home;
  patient.birthOffset = context.uniqueQuasiIdentifiers
    ? context.birthOrder[cell]!.apply(patient.rank)
    : context.birthUniform[age]!();
}

/** The patient's ED visits of every encounter year into `visits`, sorted by arrival (or only the start year's count). */
function drawVisits(
  context: GeneratorContext,
  yearCount: number,
  withVisits: boolean,
  countStreams: readonly RandomSource[],
  visitStreams: readonly RandomSource[],
): void {
  const { slots } = context;
  const { cell, home, age } = patient;
  const S = context.subserviceCount;
  let encounters = 0;
  for (let y = 0; y < yearCount; y++) {
    slots.edCounts.source = countStreams[y]!;
    const count = context.edCount[cell]!();
    if (y === 0) patient.startYearVisits = count;
    if (!withVisits || count === 0) continue;
    slots.edVisits.source = visitStreams[y]!;
    visits.ensure(encounters + count);
    const subservice = context.edSubservice[cell]!;
    const yearFirst = context.yearFirstDay[y]!;
    for (let k = 0; k < count; k++) {
      const s = subservice();
      const day = yearFirst + context.arrivalDay[y * S + s]!();
      const hour = context.arrivalHour[s]!();
      visits.time[encounters] = day * SECONDS_PER_DAY + hour * 3_600 + context.secondOfHour();
      visits.facility[encounters] = context.edFacility[home * S + s]!();
      visits.kind[encounters] = s;
      visits.acuity[encounters] = context.acuity[age * S + s]!() + 1;
      visits.disposition[encounters] = context.disposition[age * S + s]!();
      visits.year[encounters] = y;
      encounters++;
    }
  }
  visits.sort(encounters);
  patient.encounters = encounters;
  patient.deathTime = Number.POSITIVE_INFINITY;
  diesAtLastVisit(context.codes, encounters);
}

/**
 * Dispositions are drawn per visit, so a "Deceased" one may come before other visits. The
 * patient dies at their last visit instead: its disposition and the first deceased one's are
 * swapped, which keeps the disposition counts. A second deceased draw (about one patient in
 * 50,000 at the default rates) becomes "Discharged": nobody dies twice.
 */
function diesAtLastVisit(codes: GeneratorContext['codes'], encounters: number): void {
  if (encounters === 0) return;
  const last = visits.order[encounters - 1]!;
  for (let e = 0; e < encounters - 1; e++) {
    const visit = visits.order[e]!;
    if (visits.disposition[visit] !== codes.deceased) continue;
    if (patient.deathTime === Number.POSITIVE_INFINITY) {
      visits.disposition[visit] = visits.disposition[last]!;
      visits.disposition[last] = codes.deceased;
      patient.deathTime = visits.time[last]!;
    }
    // The swap may have brought the last visit's own "Deceased" here.
    if (visits.disposition[visit] === codes.deceased) visits.disposition[visit] = codes.discharged;
  }
  if (visits.disposition[last] === codes.deceased) patient.deathTime = visits.time[last]!;
}

function writeVisits(ed: EdRows, ids: Uint8Array, row: number, firstRow: number): void {
  const count = patient.encounters;
  ed.ensure(firstRow + count);
  for (let e = 0; e < count; e++) {
    const visit = visits.order[e]!;
    const at = firstRow + e;
    copyPatientId(ids, row, ed.patientId, at);
    ed.facility[at] = visits.facility[visit]! + 1;
    ed.subservice[at] = visits.kind[visit]!;
    writeMicros(ed.arrivalWords, at, visits.time[visit]!);
    ed.acuity[at] = visits.acuity[visit]!;
    ed.disposition[at] = visits.disposition[visit]!;
  }
}

/** The patient's stays of every encounter year into `stays`, sorted by admission; `edBase` is its first ED row. */
function drawStays(
  context: GeneratorContext,
  yearCount: number,
  stayStreams: readonly RandomSource[],
  edBase: number,
): void {
  const { codes } = context;
  const { age, home } = patient;
  // Admission samplers are per age group and gender.
  const ag = age * context.genderCount + patient.gender;
  const F = context.siteCount;
  const P = context.programCount;
  let count = 0;
  for (let y = 0; y < yearCount; y++) {
    context.slots.inpatient.source = stayStreams[y]!;
    // ED admissions: a stay at the ED's facility shortly after arrival.
    for (let e = 0; e < patient.encounters; e++) {
      const visit = visits.order[e]!;
      if (visits.year[visit] !== y || visits.disposition[visit] !== codes.admitted) continue;
      let facility = visits.facility[visit]!;
      let program: number;
      const atSite = context.programAtSite[ag * F + facility];
      if (atSite) {
        program = atSite();
      } else {
        // The ED's site admits nobody of this age and gender: the program's referral site does.
        const anywhere = context.directProgram[ag];
        if (!anywhere) continue;
        program = anywhere();
        facility = context.directSite[(ag * F + facility) * P + program]!;
      }
      const subprogram = context.subprogramAtSite[(ag * F + facility) * P + program]!();
      const admit = visits.time[visit]! + context.boardingSeconds();
      addStay(
        context,
        count,
        age,
        facility,
        program,
        subprogram,
        admit,
        codes.fromEd,
        edBase + e,
        -1,
      );
      count = maybeTransfer(context, count + 1, age, ag, count);
    }
    // Direct admissions: Poisson per person-year, program by admission probability.
    const directProgram = context.directProgram[ag];
    const directs = context.directCount[ag]!();
    for (let d = 0; d < directs && directProgram; d++) {
      const program = directProgram();
      const facility = context.directSite[(ag * F + home) * P + program]!;
      const subprogram = context.subprogramAtSite[(ag * F + facility) * P + program]!();
      const day = context.yearFirstDay[y]! + context.dayOfYear[y]!();
      const admit = day * SECONDS_PER_DAY + context.secondOfDay();
      // Drawn as if alive all year; nobody is admitted after the ED visit they died at.
      if (admit > patient.deathTime) continue;
      addStay(context, count, age, facility, program, subprogram, admit, codes.direct, -1, -1);
      count = maybeTransfer(context, count + 1, age, ag, count);
    }
  }
  stays.sort(count);
  patient.stays = count;
}

function writeStays(
  context: GeneratorContext,
  ip: IpRows,
  ids: Uint8Array,
  row: number,
  firstRow: number,
): void {
  const count = patient.stays;
  ip.ensure(firstRow + count);
  for (let r = 0; r < count; r++) {
    const stay = stays.order[r]!;
    const at = firstRow + r;
    const admit = stays.time[stay]!;
    const discharge = admit + stays.cents[stay]! * SECONDS_PER_CENTIDAY;
    copyPatientId(ids, row, ip.patientId, at);
    ip.facility[at] = stays.facility[stay]! + 1;
    ip.program[at] = stays.kind[stay]! + 1;
    ip.subprogram[at] = stays.detail[stay]! + 1;
    writeMicros(ip.admitWords, at, admit);
    writeMicros(ip.dischargeWords, at, discharge);
    ip.los[at] = stays.cents[stay]! / 100;
    ip.alc[at] = stays.alc[stay]!;
    ip.source[at] = stays.source[stay]!;
    ip.encounter[at] = stays.encounter[stay]!;
    const from = stays.from[stay]!;
    ip.from[at] = from < 0 ? -1 : firstRow + stays.rank[from]!;
    // In a bed at midnight m when admit < m <= discharge; days are relative to the horizon.
    const firstNight = Math.floor(admit / SECONDS_PER_DAY) + 1 - context.horizonFirstDay;
    const endNight = Math.floor(discharge / SECONDS_PER_DAY) + 1 - context.horizonFirstDay;
    ip.census[3 * at] = stays.facility[stay]!;
    ip.census[3 * at + 1] = Math.min(Math.max(firstNight, 0), context.horizonDays);
    ip.census[3 * at + 2] = Math.min(Math.max(endNight, 0), context.horizonDays);
  }
}

/**
 * The rows of one logical block of patients: a pure function of the context
 * and the block index. Each block draws from its own streams, one per purpose
 * (patients; ED counts, ED visit details and inpatient stays per encounter
 * year), so rows never depend on which thread computes the block, and a pass
 * that needs fewer tables skips the streams it does not need.
 */
export function generateBlock(
  context: GeneratorContext,
  blockIndex: number,
  needs: BlockNeeds,
): BlockResult {
  const { seed } = context;
  const first = blockIndex * PATIENTS_PER_BLOCK;
  const patientCount = Math.min(PATIENTS_PER_BLOCK, context.patients - first);
  const withVisits = needs.ed || needs.ip;
  // Without visits only the start year's counts matter (patients.ed_visits_year).
  const yearCount = withVisits ? context.encounterYears.length : 1;
  const streams = (purpose: string): RandomSource[] =>
    context.encounterYears
      .slice(0, yearCount)
      .map((year) => createStream(seed, `${purpose}:${year}`, blockIndex));
  const countStreams = streams('ed-counts');
  const visitStreams = withVisits ? streams('ed-visits') : [];
  const stayStreams = needs.ip ? streams('ip') : [];
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
      }
    : null;
  const ed = needs.ed ? new EdRows(patientCount) : null;
  const ip = needs.ip ? new IpRows(Math.max(16, patientCount >> 3)) : null;
  let edRows = 0;
  let ipRows = 0;

  for (let i = 0; i < patientCount; i++) {
    placePatient(context, first + i, ids, i);
    drawVisits(context, yearCount, withVisits, countStreams, visitStreams);
    if (ed) writeVisits(ed, ids, i, edRows);
    if (ip) {
      drawStays(context, yearCount, stayStreams, edRows);
      writeStays(context, ip, ids, i, ipRows);
      ipRows += patient.stays;
    }
    edRows += patient.encounters;
    if (patients) {
      const { cell, age } = patient;
      patients.lha_id[i] = patient.lha + 1;
      patients.facility_home_id[i] = patient.home + 1;
      patients.age_group[i] = age;
      patients.gender[i] = patient.gender;
      patients.dob[i] = context.birthFirst[age]! + patient.birthOffset;
      patients.primary_ed_subservice[i] = context.primarySubservice[cell]!;
      patients.expected_ed_rate[i] = context.expectedEdRate[cell]!;
      patients.ed_visits_year[i] = patient.startYearVisits;
    }
  }

  return {
    blockIndex,
    patientCount,
    edCount: edRows,
    ipCount: ipRows,
    ...(patients ? { patients: { patient_id: ids, ...patients } } : {}),
    ...(ed ? { ed: ed.columns(edRows) } : {}),
    ...(ip ? { ip: ip.columns(ipRows), census: ip.census.slice(0, 3 * ipRows) } : {}),
  };
}
