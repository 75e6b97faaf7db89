import { createStream, type RandomSource } from '@lm-synth/stats';
import { OLDEST_AGE } from './age-group-birth-ranges.js';
import { birthDateRange } from './birth-date-range.js';
import type { BlockColumns, BlockNeeds, BlockResult } from './block-result.js';
import { civilDate } from './civil-date.js';
import { BIRTH } from './cohort-plan.js';
import { RESIDENT_POOL } from './dob-pools.js';
import { CELL_BUCKETS, type GeneratorContext, PATIENTS_PER_BLOCK } from './generator-context.js';
import { NULL_DATE } from './null-date.js';
import { writeInt64 } from './write-int64.js';
import { PATIENT_ID_BYTES, writePatientId } from './write-patient-id.js';

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
    this.alc = new Uint8Array(capacity);
    this.source = new Int8Array(capacity);
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
    this.alc = grow(this.alc, this.capacity);
    this.source = grow(this.source, this.capacity);
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
    this.sortFrom(0, count);
  }

  /** Fills order[first..end) with rows first..end-1 sorted by time, stably. */
  sortFrom(first: number, end: number): void {
    const { order, time } = this;
    for (let i = first; i < end; i++) order[i] = i;
    for (let i = first + 1; i < end; i++) {
      const item = order[i]!;
      const value = time[item]!;
      let j = i - 1;
      while (j >= first && time[order[j]!]! > value) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
    for (let r = first; r < end; r++) this.rank[order[r]!] = r;
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
  // Nobody is admitted after dying in the ED.
  if (admit >= patient.deathTime) return count;
  addStay(context, count, age, to, program, subprogram, admit, context.codes.transfer, -1, stay);
  return count + 1;
}

/** Encounter rows are never written for the warm-up year (calendar index 0). */
const WARM_UP = 0;
const NEVER = Number.POSITIVE_INFINITY;

/** The patient being generated; one instance, reused. */
const patient = {
  /** Cell of the age group at the reference date (entrants: at entry): the patients row. */
  cell: 0,
  lha: 0,
  age: 0,
  gender: 0,
  home: 0,
  dob: 0,
  entryDay: 0,
  entryReason: 0,
  /** Calendar index of the entry year (0 for residents, who are there in the warm-up year too). */
  entryYear: 0,
  frailty: 1,
  /** Last local day with activity, or NEVER while resident; and its reason code (-1: none). */
  exitDay: NEVER,
  exitReason: -1,
  /** Epoch seconds of the patient's death at an ED visit; Infinity while none. */
  deathTime: Number.POSITIVE_INFINITY,
  encounters: 0,
  /** Visits of the warm-up year, first in time order and never written. */
  warmUpVisits: 0,
  startYearVisits: 0,
  stays: 0,
};

// Each phase below is its own small function so V8 inlines the samplers it calls.

/** Age group (index) of someone born on `dob` on 1 January of calendar year `year`. */
function ageGroupOn(context: GeneratorContext, year: number, dob: number): number {
  const A = context.ageGroupCount;
  let age = 0;
  while (age + 1 < A && dob <= context.ageThreshold[year * A + age + 1]!) age++;
  return age;
}

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
  const order = context.birthOrder[cell];
  patient.dob = order
    ? context.birthDays[cell]![order.apply(rank)]!
    : context.birthFirst[patient.age]! + context.birthUniform[patient.age]!();
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
  patient.deathTime = Number.POSITIVE_INFINITY;
}

/** Poisson(lambda) by inversion, splitting large means so exp(-lambda) never underflows. */
function poissonCount(source: RandomSource, lambda: number): number {
  let count = 0;
  while (lambda > 0) {
    const part = Math.min(lambda, 30);
    lambda -= part;
    let probability = Math.exp(-part);
    let cumulative = probability;
    const u = source.next();
    let k = 0;
    while (u >= cumulative && probability > 0) {
      k++;
      probability *= part / k;
      cumulative += probability;
    }
    count += k;
  }
  return count;
}

/**
 * The patient's activity over the calendar years: whether they leave the cohort, their ED
 * visits (into `visits`, in time order) and, with `withStays`, their stays (into `stays`).
 * Each year runs on its own streams, so a year's draws never shift another's.
 */
function simulatePatient(
  context: GeneratorContext,
  streams: BlockStreams,
  withStays: boolean,
  edBase: number,
): void {
  const { codes } = context;
  const A = context.ageGroupCount;
  const G = context.genderCount;
  const S = context.subserviceCount;
  const cellsPerYear = context.lhaCount * A * G;
  let encounters = 0;
  let stayCount = 0;
  patient.warmUpVisits = 0;
  patient.startYearVisits = 0;
  // Warm-up stays are needed only to fill the beds on the first day.
  const firstYear = withStays ? WARM_UP : 1;
  for (let y = Math.max(firstYear, patient.entryYear); y < context.calendarYears.length; y++) {
    const yearFirst = context.yearFirstDay[y]!;
    const yearEnd = context.yearFirstDay[y + 1]!;
    // Present from entry (or birth, in the warm-up year) until the exit day, inclusive.
    const from =
      y === WARM_UP ? Math.max(yearFirst, patient.dob) : Math.max(yearFirst, patient.entryDay);
    let until = yearEnd;
    if (from >= until) continue;
    const age =
      y === patient.entryYear && y > WARM_UP ? patient.age : ageGroupOn(context, y, patient.dob);
    const cell = (patient.lha * A + age) * G + patient.gender;
    // Leaving during the year: residents on its 1 January only (entrants count from the next).
    if (y > WARM_UP && y > patient.entryYear) {
      const cohort = streams.cohort[y]!;
      const at = (y - 1) * cellsPerYear + cell;
      const u = cohort.next();
      const death = Math.max(0, context.cohort.deathRate[at]! - context.edDeathRate[cell]!);
      if (u < death + context.cohort.outMigrationRate[at]!) {
        patient.exitDay = yearFirst + Math.floor(cohort.next() * (yearEnd - yearFirst));
        patient.exitReason = u < death ? codes.death : codes.outMigration;
        until = patient.exitDay + 1;
      }
    }

    // ED visits: Poisson(frailty x mean) over the whole year, thinned to the days present.
    const yearVisits = encounters;
    const subservice = context.edSubservice[cell];
    const count = subservice
      ? poissonCount(streams.edCounts[y]!, patient.frailty * context.edMean[cell]!)
      : 0;
    if (count > 0) {
      context.slots.edVisits.source = streams.edVisits[y]!;
      visits.ensure(encounters + count);
      for (let k = 0; k < count; k++) {
        const s = subservice!();
        const day = yearFirst + context.arrivalDay[y * S + s]!();
        if (day < from || day >= until) continue;
        const hour = context.arrivalHour[s]!();
        visits.time[encounters] = context.clock.toUtc(day, hour * 3_600 + context.secondOfHour());
        visits.facility[encounters] = context.edFacility[patient.home * S + s]!();
        visits.kind[encounters] = s;
        visits.acuity[encounters] = context.acuity[age * S + s]!() + 1;
        const segment = age * S + s;
        const alive = context.disposition[segment];
        visits.disposition[encounters] =
          context.edVisitUniform() * patient.frailty < context.deceasedShare[segment]! || !alive
            ? codes.deceased
            : alive();
        visits.year[encounters] = y;
        encounters++;
      }
      visits.sortFrom(yearVisits, encounters);
      // The first "Deceased" visit is the death: later visits of the year do not happen.
      for (let e = yearVisits; e < encounters; e++) {
        const visit = visits.order[e]!;
        if (visits.disposition[visit] !== codes.deceased) continue;
        if (y === WARM_UP) {
          // Residents are alive on the first day: a warm-up death is a discharge.
          visits.disposition[visit] = codes.discharged;
          continue;
        }
        patient.exitDay = context.clock.localDayOf(visits.time[visit]!);
        patient.exitReason = codes.death;
        patient.deathTime = visits.time[visit]!;
        until = patient.exitDay + 1;
        // Nothing is drawn after a death, so the rows past it are simply dropped.
        encounters = e + 1;
        break;
      }
    }
    if (y === WARM_UP) patient.warmUpVisits = encounters;
    if (y === 1) patient.startYearVisits = encounters - yearVisits;

    if (withStays) {
      context.slots.inpatient.source = streams.inpatient[y]!;
      stayCount = drawStays(
        context,
        y,
        age,
        from,
        until,
        yearVisits,
        encounters,
        stayCount,
        edBase,
      );
      // A stay that runs past the exit day (this year's or one from before) moves the exit to
      // its discharge: nobody leaves from a hospital bed.
      if (patient.exitReason >= 0) {
        for (let r = 0; r < stayCount; r++) {
          const discharge = stays.time[r]! + stays.cents[r]! * SECONDS_PER_CENTIDAY;
          const day = context.localDayOf(discharge);
          if (day > patient.exitDay) patient.exitDay = day;
        }
      }
    }
    if (patient.exitReason >= 0) break;
  }
  patient.encounters = encounters;
  patient.stays = stayCount;
  stays.sort(stayCount);
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
 * Calendar year y's stays of the current patient (age group `age`), present on days
 * [from, until), appended to `stays` from `count`; returns the new count. ED admissions come
 * from the year's visits (`visits.order[firstVisit..lastVisit)`), `edBase` being the first
 * written ED row of the patient.
 */
function drawStays(
  context: GeneratorContext,
  y: number,
  age: number,
  from: number,
  until: number,
  firstVisit: number,
  lastVisit: number,
  count: number,
  edBase: number,
): number {
  const { codes } = context;
  const { home } = patient;
  // Admission samplers are per age group and gender.
  const ag = age * context.genderCount + patient.gender;
  const F = context.siteCount;
  const P = context.programCount;
  // ED admissions: a stay at the ED's facility shortly after arrival.
  for (let e = firstVisit; e < lastVisit; e++) {
    const visit = visits.order[e]!;
    if (visits.disposition[visit] !== codes.admitted) continue;
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
    // A later visit the patient died at came before this admission: it never happens.
    if (admit >= patient.deathTime) continue;
    // Warm-up visits are not written: their stays have no encounter to point at.
    const encounter = y === WARM_UP ? -1 : edBase + e - patient.warmUpVisits;
    addStay(context, count, age, facility, program, subprogram, admit, codes.fromEd, encounter, -1);
    count = maybeTransfer(context, count + 1, age, ag, count);
  }
  // Direct admissions: Poisson per person-year, program by admission probability, on the days present.
  const directProgram = context.directProgram[ag];
  const directs = context.directCount[ag]!();
  for (let d = 0; d < directs && directProgram; d++) {
    const program = directProgram();
    const facility = context.directSite[(ag * F + home) * P + program]!;
    const subprogram = context.subprogramAtSite[(ag * F + facility) * P + program]!();
    const day = context.yearFirstDay[y]! + context.dayOfYear[y]!();
    const second = context.secondOfDay();
    if (day < from || day >= until) continue;
    const admit = context.clock.toUtc(day, second);
    // On the day of a death in the ED, only before it.
    if (admit >= patient.deathTime) continue;
    addStay(context, count, age, facility, program, subprogram, admit, codes.direct, -1, -1);
    count = maybeTransfer(context, count + 1, age, ag, count);
  }
  return count;
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
    ip.subprogram[target] = stays.detail[stay]! + 1;
    writeMicros(ip.admitWords, target, admit);
    writeMicros(ip.dischargeWords, target, admit + stays.cents[stay]! * SECONDS_PER_CENTIDAY);
    ip.los[target] = stays.cents[stay]! / 100;
    ip.alc[target] = stays.alc[stay]!;
    ip.source[target] = stays.source[stay]!;
    ip.encounter[target] = stays.encounter[stay]!;
    const from = stays.from[stay]!;
    const fromRank = from < 0 ? -1 : stays.rank[from]!;
    ip.from[target] = fromRank < 0 ? -1 : firstRow + fromRank;
  }
  return written;
}

/** The streams of one block: per purpose, one per calendar year. */
interface BlockStreams {
  readonly edCounts: readonly RandomSource[];
  readonly edVisits: readonly RandomSource[];
  readonly inpatient: readonly RandomSource[];
  readonly cohort: readonly RandomSource[];
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
    inpatient: withStays ? streams('ip') : [],
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
    simulatePatient(context, blockStreams, withStays, edRows);
    if (ed) writeVisits(ed, ids, i, edRows);
    if (ip) {
      const written = writeStays(context, ip, ids, i, ipRows, censusRows);
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
