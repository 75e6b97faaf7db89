import { civilFromDays } from '@lm-synth/dims';
import type { RandomSource } from '@lm-synth/stats';
import { DISCHARGE } from './discharge-outcome.js';
import type { GeneratorContext } from './generator-context.js';
import { PatientScratch } from './patient-scratch.js';
import { MIN_LOS_DAYS } from './stay-length.js';

/** los_days has two decimals: 0.01 day is 864 s, so discharge_ts stays in whole seconds. */
export const SECONDS_PER_CENTIDAY = 864;
/** Encounter rows are never written for the warm-up year (calendar index 0). */
export const WARM_UP = 0;
export const NEVER = Number.POSITIVE_INFINITY;
const DAY = 86_400;
/** A transfer continues at most this many sites. */
const MAX_HOPS = 3;
/** Redraws of an ED admission's subprogram that a maternal age rules out. */
const MATERNAL_REDRAWS = 8;

/** The patient being generated; one instance, reused. */
export const patient = {
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
  /** Epoch seconds of the patient's death (in the ED or in a bed); Infinity while alive. */
  deathTime: NEVER,
  /** Visits kept (rows first in time order), of which the warm-up year's, never written. */
  encounters: 0,
  warmUpVisits: 0,
  startYearVisits: 0,
  stays: 0,
};

// Visits: kind = subservice. Stays: kind = program, detail = pair.
export const visits = new PatientScratch();
export const stays = new PatientScratch();

/** What the episode loop carries from event to event, and across years. */
const episode = {
  /** Rows used in `visits` and `stays` (kept or dropped). */
  visitRows: 0,
  stayRows: 0,
  /** The patient is in the ED or a bed until this instant. */
  busyUntil: -NEVER,
  /** An urgent readmission due at this instant (NEVER: none), its program and route. */
  readmitAt: NEVER,
  readmitProgram: 0,
  readmitViaEd: false,
  /** A visit at another site's ED after a UCC transferred the patient (NEVER: none). */
  transferAt: NEVER,
  transferSubservice: 0,
  transferFacility: 0,
};

/** The streams of one block: per purpose, one per calendar year. */
export interface BlockStreams {
  readonly edCounts: readonly RandomSource[];
  readonly edVisits: readonly RandomSource[];
  readonly inpatient: readonly RandomSource[];
  readonly cohort: readonly RandomSource[];
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

/** Age group (index) of someone born on `dob` on 1 January of calendar year `year`. */
export function ageGroupOn(context: GeneratorContext, year: number, dob: number): number {
  const A = context.ageGroupCount;
  let age = 0;
  while (age + 1 < A && dob <= context.ageThreshold[year * A + age + 1]!) age++;
  return age;
}

const parts = new Int32Array(3);
const monthParts = new Int32Array(3);
/** The patient's year of birth and month x 100 + day of birth, set per patient. */
const birth = { year: 0, monthDay: 0 };

/**
 * Whole years of age of the patient on local day `day` (as civilDate.ageAt: a 29 February
 * birthday falls on 1 March in common years), at most the oldest single year kept.
 */
function yearsAt(context: GeneratorContext, day: number): number {
  civilFromDays(day, parts);
  const before = parts[1]! * 100 + parts[2]! < birth.monthDay ? 1 : 0;
  return Math.min(Math.max(parts[0]! - birth.year - before, 0), context.oldestAge);
}

/**
 * The patient's activity over the calendar years, as one time-ordered sequence of episodes:
 * ED visits, planned (elective and direct) admissions, readmissions and transfers. Nothing
 * happens while the patient is in the ED or a bed (a visit then is dropped, an admission then
 * did not happen), a death ends everything, and each stay's end decides what follows it.
 * Each year runs on its own streams, so a year's draws never shift another's.
 */
export function simulatePatient(
  context: GeneratorContext,
  streams: BlockStreams,
  withStays: boolean,
): void {
  const { codes } = context;
  const A = context.ageGroupCount;
  const G = context.genderCount;
  const S = context.subserviceCount;
  const cellsPerYear = context.lhaCount * A * G;
  civilFromDays(patient.dob, parts);
  birth.year = parts[0]!;
  birth.monthDay = parts[1]! * 100 + parts[2]!;
  episode.visitRows = 0;
  episode.stayRows = 0;
  episode.busyUntil = -NEVER;
  episode.readmitAt = NEVER;
  episode.transferAt = NEVER;
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
      const death = Math.max(
        0,
        context.cohort.deathRate[at]! -
          context.edDeathRate[cell]! -
          // Without ip_stays no stays are drawn, so nobody dies in a bed.
          (withStays ? context.ipDeathRate[cell]! : 0),
      );
      if (u < death + context.cohort.outMigrationRate[at]!) {
        patient.exitDay = yearFirst + Math.floor(cohort.next() * (yearEnd - yearFirst));
        patient.exitReason = u < death ? codes.death : codes.outMigration;
        until = patient.exitDay + 1;
      }
    }
    context.slots.edVisits.source = streams.edVisits[y]!;
    context.slots.inpatient.source = streams.inpatient[y]!;

    // ED visits: Poisson(frailty x mean) over the whole year, thinned to the days present.
    const firstVisit = episode.visitRows;
    const subservice = context.edSubservice[cell];
    const count = subservice
      ? poissonCount(streams.edCounts[y]!, patient.frailty * context.edMean[cell]!)
      : 0;
    for (let k = 0; k < count; k++) {
      const s = subservice!();
      const day = yearFirst + context.arrivalDay[y * S + s]!();
      if (day < from || day >= until) continue;
      const hour = context.arrivalHour[s]!();
      addVisit(
        context,
        y,
        s,
        day,
        context.clock.toUtc(day, hour * 3_600 + context.secondOfHour()),
        -1,
      );
    }
    visits.sortFrom(firstVisit, episode.visitRows);
    // Visits added below (transfers, readmissions) are handled as they are added.
    const drawnVisits = episode.visitRows;

    // Planned admissions: Poisson per person-year, each on a day its route and program favour.
    const planned = withStays ? plannedAdmissions(context, y, age, from, until) : 0;

    // The year's episodes in time order.
    const yearEndInstant = context.yearEndInstant[y]!;
    let v = firstVisit;
    let p = 0;
    for (;;) {
      const visitAt = v < drawnVisits ? visits.time[visits.order[v]!]! : NEVER;
      const plannedAt = p < planned ? plannedTime[p]! : NEVER;
      const next = Math.min(visitAt, plannedAt, episode.readmitAt, episode.transferAt);
      if (next >= yearEndInstant || next === NEVER) break;
      if (next >= patient.deathTime) {
        // Nothing happens after a death: drop what is left of the year.
        for (; v < drawnVisits; v++) visits.time[visits.order[v]!] = NEVER;
        episode.readmitAt = NEVER;
        episode.transferAt = NEVER;
        break;
      }
      const day = context.timing.localDayOf(next);
      const present = day >= from && day < until;
      if (next === visitAt) {
        const visit = visits.order[v++]!;
        if (!present || next < episode.busyUntil) visits.time[visit] = NEVER;
        else handleVisit(context, y, age, visit, withStays);
      } else if (next === plannedAt) {
        const pair = plannedPair[p]!;
        const source = plannedSource[p++]!;
        if (present && next >= episode.busyUntil) {
          const ag = age * G + patient.gender;
          const site =
            context.admissions.site[
              (ag * context.siteCount + patient.home) * context.pairCount + pair
            ]!;
          if (site >= 0) startStays(context, y, age, pair, site, next, source, -1);
        }
      } else if (next === episode.transferAt) {
        episode.transferAt = NEVER;
        if (present && next >= episode.busyUntil) {
          const visit = addVisit(
            context,
            y,
            episode.transferSubservice,
            day,
            next,
            episode.transferFacility,
          );
          if (visits.disposition[visit] === codes.transferred)
            visits.disposition[visit] = codes.discharged;
          handleVisit(context, y, age, visit, withStays);
        }
      } else {
        episode.readmitAt = NEVER;
        if (present && next >= episode.busyUntil) readmit(context, y, age, day, next);
      }
      if (patient.deathTime !== NEVER)
        until = Math.min(until, context.timing.localDayOf(patient.deathTime) + 1);
    }
    // A stay that runs past the exit day (this year's or one from before) moves the exit to
    // its discharge: nobody leaves from a hospital bed.
    if (patient.exitReason >= 0 && patient.deathTime === NEVER)
      for (let r = 0; r < episode.stayRows; r++) {
        const discharge = stays.time[r]! + stays.cents[r]! * SECONDS_PER_CENTIDAY;
        const last = context.timing.localDayOf(discharge);
        if (last > patient.exitDay) patient.exitDay = last;
      }
    if (patient.exitReason >= 0) break;
  }
  finishPatient();
}

/** Sorts the kept visits first in time order and counts them; sorts the stays. */
function finishPatient(): void {
  visits.sortFrom(0, episode.visitRows);
  let kept = 0;
  let warmUp = 0;
  let startYear = 0;
  for (let r = 0; r < episode.visitRows; r++) {
    const visit = visits.order[r]!;
    if (visits.time[visit] === NEVER) break;
    kept++;
    if (visits.year[visit] === WARM_UP) warmUp++;
    else if (visits.year[visit] === 1) startYear++;
  }
  patient.encounters = kept;
  patient.warmUpVisits = warmUp;
  patient.startYearVisits = startYear;
  patient.stays = episode.stayRows;
  stays.sortFrom(0, episode.stayRows);
}

/** Appends a visit of subservice `s` at `time` on local `day` (facility -1: drawn from home); returns its row. */
function addVisit(
  context: GeneratorContext,
  y: number,
  s: number,
  day: number,
  time: number,
  facility: number,
): number {
  const S = context.subserviceCount;
  const years = yearsAt(context, day);
  // Youth past the Pediatric ED's age are seen in the Adult ED.
  if (s === context.pediatricEd && years > context.pediatricMaxAge) {
    s = context.adultEd;
    facility = -1;
  }
  const row = episode.visitRows++;
  visits.ensure(row + 1);
  const draw = context.edFacility[patient.home * S + s];
  visits.time[row] = time;
  visits.facility[row] = facility >= 0 ? facility : draw ? draw() : 0;
  visits.kind[row] = s;
  const level = context.edOutcome.acuity(years, s);
  visits.acuity[row] = level;
  visits.disposition[row] = context.edOutcome.disposition(years, s, level, patient.frailty);
  visits.year[row] = y;
  return row;
}

/** A visit that happens: it may end in death, an admission or a transfer. */
function handleVisit(
  context: GeneratorContext,
  y: number,
  age: number,
  visit: number,
  withStays: boolean,
): void {
  const { codes } = context;
  const time = visits.time[visit]!;
  episode.busyUntil = Math.max(episode.busyUntil, time + 1);
  const disposition = visits.disposition[visit]!;
  if (disposition === codes.deceased) {
    if (y === WARM_UP) {
      // Residents are alive on the first day: a warm-up death is a discharge.
      visits.disposition[visit] = codes.discharged;
      return;
    }
    die(context, time);
    return;
  }
  const G = context.genderCount;
  const ag = age * G + patient.gender;
  const facility = visits.facility[visit]!;
  const delay = disposition === codes.transferred ? context.timing.transferDelay() : 0;
  if (disposition === codes.admitted) {
    if (!withStays) return;
    const pair = edPair(context, ag, facility, visits.time[visit]!);
    if (pair < 0) return;
    const at = context.admissions.edPairAtSite[ag * context.siteCount + facility]
      ? facility
      : context.admissions.site[(ag * context.siteCount + facility) * context.pairCount + pair]!;
    if (at < 0) return;
    const admit = time + context.timing.arrivalToAdmission();
    startStays(context, y, age, pair, at, admit, codes.fromEd, visit);
  } else if (disposition === codes.transferred) {
    const s = visits.kind[visit]!;
    if (s === context.urgentCare) {
      // An urgent care centre sends the patient to an emergency department elsewhere.
      const years = yearsAt(context, context.timing.localDayOf(time));
      const S = context.subserviceCount;
      let to = years <= context.pediatricMaxAge ? context.pediatricEd : context.adultEd;
      if (context.edReferral[facility * S + to]! < 0) to = context.adultEd;
      const site = context.edReferral[facility * S + to]!;
      if (site < 0) return;
      episode.transferAt = time + delay;
      // In transit until the receiving ED: nothing else happens before it.
      episode.busyUntil = Math.max(episode.busyUntil, time + delay);
      episode.transferSubservice = to;
      episode.transferFacility = site;
    } else {
      // An emergency department sends the patient to a bed at its referral site.
      if (!withStays) return;
      const to = context.referralSite[facility]!;
      if (to < 0) return;
      const pair = edPair(context, ag, to, time);
      if (pair < 0) return;
      startStays(context, y, age, pair, to, time + delay, codes.transfer, visit);
    }
  }
}

/** The pair of an ED admission at `site` (-1: none), honouring maternal ages. */
function edPair(context: GeneratorContext, ag: number, site: number, time: number): number {
  const choice = context.admissions;
  const day = context.timing.localDayOf(time);
  civilFromDays(day, monthParts);
  const draw = choice.edPairAt(ag, site, monthParts[1]! - 1) ?? choice.edPairAnywhere[ag];
  if (!draw) return -1;
  const years = yearsAt(context, day);
  let pair = draw();
  for (let tries = 0; tries < MATERNAL_REDRAWS && choice.maternity[pair]; tries++) {
    if (choice.maternalAcceptance(Math.floor(ag / context.genderCount), years) > 0) return pair;
    pair = draw();
  }
  return choice.maternity[pair] ? -1 : pair;
}

// The year's planned admissions, sorted by time.
let plannedTime = new Float64Array(16);
let plannedPair = new Int32Array(16);
let plannedSource = new Int8Array(16);

function plannedAdmissions(
  context: GeneratorContext,
  y: number,
  age: number,
  from: number,
  until: number,
): number {
  const { admissions, codes } = context;
  const ag = age * context.genderCount + patient.gender;
  const draw = admissions.plannedPair[ag];
  // The frailty that makes a patient a frequent ED user makes them a frequent inpatient too.
  const n = poissonCount(context.slots.inpatient, patient.frailty * admissions.plannedMean[ag]!);
  if (!draw || n === 0) return 0;
  if (n > plannedTime.length) {
    plannedTime = new Float64Array(n * 2);
    plannedPair = new Int32Array(n * 2);
    plannedSource = new Int8Array(n * 2);
  }
  const yearFirst = context.yearFirstDay[y]!;
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const pair = draw();
    const program = admissions.pairProgram[pair]!;
    const elective = context.unit() < admissions.electiveShare[pair]!;
    const time = elective
      ? context.timing.elective(y, program, yearFirst)
      : context.timing.direct(y, program, yearFirst);
    const day = context.timing.localDayOf(time);
    if (day < from || day >= until) continue;
    // Maternity admissions stand at the mother's single year of age in proportion to its rate.
    if (
      admissions.maternity[pair] &&
      !(context.unit() < admissions.maternalAcceptance(age, yearsAt(context, day)))
    )
      continue;
    // Insertion by time.
    let at = kept++;
    while (at > 0 && plannedTime[at - 1]! > time) {
      plannedTime[at] = plannedTime[at - 1]!;
      plannedPair[at] = plannedPair[at - 1]!;
      plannedSource[at] = plannedSource[at - 1]!;
      at--;
    }
    plannedTime[at] = time;
    plannedPair[at] = pair;
    plannedSource[at] = elective ? codes.elective : codes.direct;
  }
  return kept;
}

/** Whether a stay in `pair` fits a patient aged `years`: maternity only at maternal ages. */
function maternalAgeFits(context: GeneratorContext, pair: number, years: number): boolean {
  const { admissions } = context;
  return !admissions.maternity[pair] || admissions.maternalRate[years]! > 0;
}

/** An urgent readmission: through the ED (a visit that ends in admission) or direct. */
function readmit(
  context: GeneratorContext,
  y: number,
  age: number,
  day: number,
  time: number,
): void {
  const { codes, admissions } = context;
  const G = context.genderCount;
  const F = context.siteCount;
  const ag = age * G + patient.gender;
  const program = episode.readmitProgram;
  if (episode.readmitViaEd) {
    const years = yearsAt(context, day);
    const s = years <= context.pediatricMaxAge ? context.pediatricEd : context.adultEd;
    const visit = addVisit(context, y, s, day, time, -1);
    visits.acuity[visit] = context.edOutcome.admittedAcuity(years, visits.kind[visit]!);
    visits.disposition[visit] = codes.admitted;
    episode.busyUntil = Math.max(episode.busyUntil, time + 1);
    const facility = visits.facility[visit]!;
    const same = admissions.inProgramAt(ag, facility, program);
    let pair = same ? same() : edPair(context, ag, facility, time);
    // Through the ED only into subprograms that take ED admissions (not labour and delivery).
    if (pair >= 0 && !(admissions.edShare[pair]! > 0)) pair = edPair(context, ag, facility, time);
    if (pair < 0 || !maternalAgeFits(context, pair, years)) return;
    const site = same
      ? facility
      : admissions.edPairAtSite[ag * F + facility]
        ? facility
        : admissions.site[(ag * F + facility) * context.pairCount + pair]!;
    if (site < 0) return;
    startStays(
      context,
      y,
      age,
      pair,
      site,
      time + context.timing.arrivalToAdmission(),
      codes.fromEd,
      visit,
    );
  } else {
    const home = patient.home;
    const same = admissions.inProgramAt(ag, home, program);
    const pair = same ? same() : (admissions.plannedPair[ag]?.() ?? -1);
    if (pair < 0 || !maternalAgeFits(context, pair, yearsAt(context, day))) return;
    const site = same ? home : admissions.site[(ag * F + home) * context.pairCount + pair]!;
    if (site < 0) return;
    startStays(context, y, age, pair, site, time, codes.direct, -1);
  }
}

/** The patient dies at `time`: the exit, and nothing after it. */
function die(context: GeneratorContext, time: number): void {
  patient.deathTime = time;
  patient.exitDay = context.timing.localDayOf(time);
  patient.exitReason = context.codes.death;
  episode.readmitAt = NEVER;
  episode.transferAt = NEVER;
}

/**
 * A stay in `pair` at `site` from `admit`, and the transfers that continue it: each stay's
 * length, ALC days, discharge time and outcome; the patient is busy until the last discharge.
 */
function startStays(
  context: GeneratorContext,
  y: number,
  age: number,
  pair: number,
  site: number,
  admit: number,
  source: number,
  encounter: number,
): void {
  const { codes, admissions, stayLength, timing } = context;
  const ag = age * context.genderCount + patient.gender;
  let from = -1;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const day = timing.localDayOf(admit);
    const years = yearsAt(context, day);
    const program = admissions.pairProgram[pair]!;
    let acuteCents: number;
    let cents: number;
    if (admissions.dayCase[pair]) {
      // Same day: admitted by the evening, out before local midnight.
      let start = admit;
      let midnight = timing.at(day + 1, 0);
      if (midnight - start < MIN_LOS_DAYS * DAY + 3_600) {
        const tomorrow = timing.at(day + 1, 8 * 3_600);
        // A stay from an ED visit starts no later after the arrival than the boarding (or ED
        // transfer delay) cap: past it, at the latest start that fits the day (the arrival was
        // then before 08:00 that day, so this is still well after it, and before `admit`).
        const cap =
          (source === codes.transfer ? timing.durations.transferDelay : timing.durations.boarding)
            .max * 3_600;
        if (encounter >= 0 && tomorrow - visits.time[encounter]! > cap) {
          start = midnight - (MIN_LOS_DAYS * DAY + 3_600);
        } else {
          start = tomorrow;
          midnight = timing.at(day + 2, 0);
        }
      }
      admit = start;
      const room = Math.floor((midnight - admit - 60) / SECONDS_PER_CENTIDAY) / 100;
      cents = Math.max(25, Math.floor(stayLength.acuteDays(pair, years, room) * 100));
      acuteCents = cents;
    } else {
      const acute = stayLength.acuteDays(pair, years);
      const alc = stayLength.alc(pair, age, acute);
      const least = alc > 0 ? stayLength.alcThreshold : MIN_LOS_DAYS;
      const end = admit + (acute + alc) * DAY;
      const discharge = timing.discharge(end, admit + least * DAY);
      cents = Math.max(
        Math.ceil(least * 100 - 1e-9),
        Math.round((discharge - admit) / SECONDS_PER_CENTIDAY),
      );
      cents = Math.min(cents, context.maxLosCents);
      acuteCents = alc > 0 ? Math.min(cents - 1, Math.max(25, Math.round(acute * 100))) : cents;
    }
    const row = episode.stayRows++;
    stays.ensure(row + 1);
    stays.time[row] = admit;
    stays.facility[row] = site;
    stays.kind[row] = program;
    stays.detail[row] = pair;
    stays.cents[row] = cents;
    stays.alcCents[row] = cents - acuteCents;
    stays.source[row] = source;
    stays.encounter[row] = encounter;
    stays.from[row] = from;
    stays.year[row] = y;
    const discharge = admit + cents * SECONDS_PER_CENTIDAY;
    episode.busyUntil = Math.max(episode.busyUntil, discharge);

    // How the stay ends. A warm-up stay that ends before the start is a resident alive then.
    if (
      context.dischargeOutcome.dies(age, program, patient.frailty) &&
      discharge >= context.startMidnight
    ) {
      stays.disposition[row] = DISCHARGE.died;
      die(context, discharge);
      return;
    }
    const corridor = context.transfer[site]?.() ?? 0;
    if (corridor > 0) {
      const to = context.transferTo[site]![corridor - 1]!;
      const next = transferPair(context, ag, pair, to);
      if (
        next >= 0 &&
        maternalAgeFits(context, next, yearsAt(context, timing.localDayOf(discharge)))
      ) {
        stays.disposition[row] = DISCHARGE.otherFacility;
        from = row;
        pair = next;
        site = to;
        admit = discharge + timing.transferGap();
        source = codes.transfer;
        encounter = -1;
        continue;
      }
    }
    const outcome = context.dischargeOutcome.alive(age, stays.alcCents[row]! > 0);
    stays.disposition[row] = outcome;
    if (
      (outcome === DISCHARGE.home ||
        outcome === DISCHARGE.homeWithSupport ||
        outcome === DISCHARGE.leftAgainstAdvice) &&
      context.unit() < context.readmission30[age * context.programCount + program]!
    ) {
      // Urgent readmissions cluster early: days after discharge 30 u^1.5.
      episode.readmitAt = discharge + Math.max(3_600, Math.round(30 * DAY * context.unit() ** 1.5));
      episode.readmitProgram = program;
      episode.readmitViaEd = context.unit() < context.readmissionViaEdShare;
    }
    return;
  }
}

/**
 * The pair a transfer to `to` continues in: sometimes another program, else the same
 * subprogram or program (-1: none). Day cases neither transfer nor receive transfers.
 */
function transferPair(context: GeneratorContext, ag: number, pair: number, to: number): number {
  const next = transferTarget(context, ag, pair, to);
  return next >= 0 && !context.admissions.dayCase[next] && !context.admissions.dayCase[pair]
    ? next
    : -1;
}

function transferTarget(context: GeneratorContext, ag: number, pair: number, to: number): number {
  const { admissions } = context;
  const F = context.siteCount;
  const program = admissions.pairProgram[pair]!;
  if (context.unit() < context.transferProgramChangeShare) {
    const draw = admissions.edPairAtSite[ag * F + to];
    if (draw)
      for (let tries = 0; tries < 6; tries++) {
        const other = draw();
        if (admissions.pairProgram[other] !== program && !admissions.maternity[other]) return other;
      }
  }
  if (context.offered[to * context.pairCount + pair] === 1) return pair;
  const same = admissions.inProgramAt(ag, to, program);
  if (same) return same();
  const any = admissions.edPairAtSite[ag * F + to];
  return any ? any() : -1;
}
