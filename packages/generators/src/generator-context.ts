import { ED_SUBSERVICES, OLDEST_AGE } from '@lm-synth/config/core';
import { aliasTable, bernoulli, categorical, gamma, uniform, uniformInt } from '@lm-synth/stats';
import { AdmissionChoice } from './admission-choice.js';
import { birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';
import type { CohortPlan } from './cohort-plan.js';
import { crossLhaHomeWeights } from './cross-lha-home-weights.js';
import { DischargeOutcome } from './discharge-outcome.js';
import { DobPools } from './dob-pools.js';
import { EdOutcome } from './ed-outcome.js';
import { FeistelPermutation } from './feistel-permutation.js';
import type { GeneratorSettings } from './generator-settings.js';
import { LocalClock } from './local-clock.js';
import { ResidentBirthDays } from './resident-birth-days.js';
import { StayLength } from './stay-length.js';
import { StayTiming } from './stay-timing.js';
import { StreamSlot } from './stream-slot.js';

type Draw = () => number;

/** Patients per logical block: a constant of the format, never the batch size or worker count. */
export const PATIENTS_PER_BLOCK = 4_096;
/** Slices of the patient slots indexed to their first cell, so finding a slot's cell takes a step or two. */
export const CELL_BUCKETS = 4_096;

function sampler(slot: StreamSlot, weights: ArrayLike<number>): Draw | null {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  return total > 0 ? categorical(slot)(aliasTable(weights)) : null;
}

/**
 * Everything a block needs that does not depend on the block: the patient
 * allocation, keyed permutations, and samplers for every segment, built once
 * over stream slots. Pure function of the scenario and the options that shape
 * rows (never workers or batch size).
 */
export class GeneratorContext {
  readonly seed: number;
  readonly patients: number;
  readonly blockCount: number;
  readonly uniqueQuasiIdentifiers: boolean;
  readonly ageGroupCount: number;
  readonly genderCount: number;
  readonly subserviceCount: number;
  readonly siteCount: number;
  readonly programCount: number;
  readonly lhaCount: number;
  /** ip_stays is generated: stays are drawn (they may move a patient's exit). */
  readonly withIp: boolean;
  readonly codes: GeneratorSettings['codes'];

  /**
   * Calendar years simulated: index 0 is the warm-up year before the start year (its stays
   * fill the hospitals the first day, nothing else of it is written), then the encounter years.
   * yearFirstDay holds the epoch day of January 1 of each, plus the year after.
   */
  readonly calendarYears: readonly number[];
  readonly yearFirstDay: Float64Array;
  /** Per calendar year x age group: the latest date of birth of someone that old on its 1 January. */
  readonly ageThreshold: Int32Array;
  readonly minAges: readonly number[];
  /** The census is kept per local day from the warm-up year's first day to the last encounter year's last. */
  readonly censusFirstDay: number;
  readonly censusDays: number;
  /** Local wall-clock time in the scenario's time zone to UTC instants and back. */
  readonly clock: LocalClock;
  /** Per calendar year: the UTC instant its last local day ends. */
  readonly yearEndInstant: Float64Array;
  /** UTC instant of the first midnight of the start year: warm-up stays still in a bed then are written. */
  readonly startMidnight: number;
  /** The UTC instant past which localDayOf stops consulting the clock. */
  private readonly clockEnd: number;

  // The open cohort.
  readonly cohort: CohortPlan;
  readonly referenceDay: number;
  /** Unique dates of birth across residents and entrants (uniqueQuasiIdentifiers only). */
  readonly dobPools: DobPools | null;
  readonly migrantBirthDates: Int32Array | null;
  private readonly groupOrders = new Map<string, FeistelPermutation>();
  /** A patient's ED frailty, shared by all years: Gamma(k, 1/k) (mean 1), or 1 under Poisson. */
  readonly frailty: Draw;

  readonly slots = {
    patients: new StreamSlot(),
    edCounts: new StreamSlot(),
    edVisits: new StreamSlot(),
    inpatient: new StreamSlot(),
  };

  // Patients: cells are LHA x age group x gender, flattened.
  /** Slot at which each cell starts (cellStart[cellCount] = patients). */
  readonly cellStart: Float64Array;
  /** For each of CELL_BUCKETS equal slices of the slots, the cell its first slot is in. */
  readonly cellOfBucket: Int32Array;
  readonly order: FeistelPermutation;
  readonly patientIds: FeistelPermutation;
  /** Residents' dates of birth: single years of age within each cell as the projection has them. */
  readonly residentBirthDays: ResidentBirthDays;
  readonly lhaDefaultSite: Int32Array;
  readonly crossLha: Draw;
  /** Per LHA: another site, by staffed beds (null with a single site). */
  readonly crossLhaSite: readonly (Draw | null)[];

  // ED, per cell.
  readonly expectedEdRate: Float64Array;
  readonly primarySubservice: Int8Array;
  /** Mean visits per person-year over all subservices, and the subservice of each visit (null: no visits). */
  readonly edMean: Float64Array;
  /**
   * Deaths per person-year at an ED visit ("Deceased" dispositions), per cell: a patient who
   * dies in the ED has had the death the life table gives, so the cohort's other deaths are
   * drawn at the life-table rate less this.
   */
  readonly edDeathRate: Float64Array;
  readonly edSubservice: readonly (Draw | null)[];
  /** Per calendar year x subservice: day of the year. */
  readonly arrivalDay: readonly Draw[];
  readonly arrivalHour: readonly Draw[];
  readonly secondOfHour: Draw;
  /** Per home site x subservice: facility index (null where nobody can be seen). */
  readonly edFacility: readonly (Draw | null)[];
  /** CTAS level and disposition of a visit by single year of age and subservice. */
  readonly edOutcome: EdOutcome;
  readonly pediatricEd = ED_SUBSERVICES.indexOf('Pediatric ED');
  readonly adultEd = ED_SUBSERVICES.indexOf('Adult ED');
  readonly urgentCare = ED_SUBSERVICES.indexOf('Urgent Care Centre');
  readonly pediatricMaxAge: number;
  /** The oldest single year of age the model keeps (older patients count as this). */
  readonly oldestAge: number;

  // Inpatient. Programs and (program, subprogram) pairs are 0-based.
  readonly pairOffset: Int32Array;
  readonly pairCount: number;
  readonly offered: Uint8Array;
  /** Where admissions go, by route; planned admissions per person-year. */
  readonly admissions: AdmissionChoice;
  readonly stayLength: StayLength;
  readonly timing: StayTiming;
  readonly dischargeOutcome: DischargeOutcome;
  /** The longest stay in hundredths of a day. */
  readonly maxLosCents: number;
  /** Per cell: expected deaths in a bed per person-year (the cohort's other deaths make up the rest). */
  readonly ipDeathRate: Float64Array;
  /** [age group x program]: 30-day readmission probability after a discharge home. */
  readonly readmission30: Float64Array;
  readonly readmissionViaEdShare: number;
  readonly transferProgramChangeShare: number;
  /** Per site: where its ED sends patients it transfers to a bed (its corridor, else the largest other site). */
  readonly referralSite: Int32Array;
  /** Per site x subservice: the largest other site offering the subservice (-1: none), where a UCC sends patients. */
  readonly edReferral: Int32Array;
  readonly unit: Draw;
  /** Per site: 0 = no transfer, k = corridor k - 1 (null: no corridor from the site). */
  readonly transfer: readonly (Draw | null)[];
  readonly transferTo: readonly Int32Array[];

  constructor(settings: GeneratorSettings) {
    const { scenario, options, allocation, birthRanges } = settings;
    const { slots } = this;
    // Closed-domain sizes from the shapes the Scenario type documents.
    const A = birthRanges.length;
    const G = scenario.lhas[0]!.genderShares.length;
    const S = scenario.ed.seasonality.length;
    const subservices = Array.from({ length: S }, (_, s) => s);
    this.ageGroupCount = A;
    this.genderCount = G;
    this.subserviceCount = S;
    this.codes = settings.codes;
    const seed = options.seed;
    this.seed = seed;
    this.patients = options.patients;
    this.blockCount = Math.ceil(settings.cohort.total / PATIENTS_PER_BLOCK);
    this.uniqueQuasiIdentifiers = options.uniqueQuasiIdentifiers;
    const sites = scenario.sites;
    const F = sites.length;
    const P = scenario.programs.length;
    this.siteCount = F;
    this.programCount = P;
    this.lhaCount = scenario.lhas.length;
    this.withIp = options.withIp;

    const years = options.encounterYears + 1;
    this.calendarYears = Array.from({ length: years }, (_, y) => scenario.startYear - 1 + y);
    this.yearFirstDay = Float64Array.from({ length: years + 1 }, (_, y) =>
      civilDate.fromParts(scenario.startYear - 1 + y, 1, 1),
    );
    this.censusFirstDay = this.yearFirstDay[0]!;
    this.censusDays = this.yearFirstDay[years]! - this.censusFirstDay;
    this.minAges = settings.minAges;
    this.ageThreshold = new Int32Array(years * A);
    for (let y = 0; y < years; y++)
      for (let a = 0; a < A; a++) {
        const atLeast = birthDateRange(
          this.yearFirstDay[y]!,
          settings.minAges[a]!,
          settings.minAges[a]!,
        );
        this.ageThreshold[y * A + a] = atLeast.first + atLeast.count - 1;
      }
    this.clock = new LocalClock(
      settings.timeZone,
      this.censusFirstDay - 1,
      this.yearFirstDay[years]! + 1,
    );
    this.startMidnight = this.clock.midnight(this.yearFirstDay[1]!);
    this.yearEndInstant = Float64Array.from({ length: years }, (_, y) =>
      this.clock.midnight(this.yearFirstDay[y + 1]!),
    );
    this.clockEnd = this.clock.midnight(this.yearFirstDay[years]! + 1);
    this.cohort = settings.cohort;
    this.referenceDay = civilDate.parse(scenario.referenceDate);
    this.dobPools = options.uniqueQuasiIdentifiers
      ? new DobPools(seed, G, birthRanges[A - 1]!.first - 1, this.yearFirstDay[years]!)
      : null;
    this.migrantBirthDates = settings.migrantBirthDates;

    // Patients.
    const cellCount = allocation.length;
    this.cellStart = new Float64Array(cellCount + 1);
    for (let c = 0; c < cellCount; c++) this.cellStart[c + 1] = this.cellStart[c]! + allocation[c]!;
    this.cellOfBucket = new Int32Array(CELL_BUCKETS);
    for (let bucket = 0, cell = 0; bucket < CELL_BUCKETS; bucket++) {
      const slot = Math.floor((bucket * options.patients) / CELL_BUCKETS);
      while (this.cellStart[cell + 1]! <= slot) cell++;
      this.cellOfBucket[bucket] = cell;
    }
    this.order = new FeistelPermutation(options.patients, seed, 'patient-order', 0);
    this.patientIds = new FeistelPermutation(2 ** 48, seed, 'patient-ids', 0);
    const maxAges = settings.minAges.map((_, a) =>
      a + 1 < settings.minAges.length ? settings.minAges[a + 1]! - 1 : OLDEST_AGE,
    );
    this.residentBirthDays = new ResidentBirthDays(
      seed,
      scenario,
      this.referenceDay,
      settings.minAges,
      maxAges,
      allocation,
      this.dobPools,
      slots.patients,
    );
    this.lhaDefaultSite = Int32Array.from(scenario.lhas, (lha) => lha.defaultSiteId - 1);
    this.crossLha = bernoulli(slots.patients)(scenario.crossLha.homeFacilityShare);
    this.crossLhaSite = crossLhaHomeWeights(scenario).map((weights) =>
      sampler(slots.patients, weights),
    );

    // ED.
    const ed = scenario.ed;
    this.expectedEdRate = new Float64Array(cellCount);
    this.primarySubservice = new Int8Array(cellCount);
    // A patient-year's visits over all subservices are NegBin(sum of means, k) (or Poisson), split
    // over subservices in proportion to their means: thinning a gamma-Poisson mixture keeps each
    // subservice NegBin(mean, k) (Poisson(mean)) as configured, and the subservices of one
    // patient-year share its gamma frailty, as frequent ED users do.
    this.edMean = new Float64Array(cellCount);
    this.edDeathRate = new Float64Array(cellCount);
    const edSubservice: (Draw | null)[] = [];
    for (let cell = 0; cell < cellCount; cell++) {
      const lha = Math.floor(cell / (A * G));
      const age = Math.floor((cell % (A * G)) / G);
      const rates = ed.ratesPer1000[lha]![age]![cell % G]!;
      let total = 0;
      let primary = 0;
      for (let s = 0; s < S; s++) {
        total += rates[s]!;
        if (rates[s]! > rates[primary]!) primary = s;
      }
      this.edMean[cell] = total / 1000;
      for (let s = 0; s < S; s++)
        this.edDeathRate[cell] =
          this.edDeathRate[cell]! +
          (rates[s]! / 1000) * ed.disposition[age]![s]![settings.codes.deceased]!;
      edSubservice.push(sampler(slots.edVisits, rates));
      this.expectedEdRate[cell] = Math.round(total * 10) / 10_000;
      this.primarySubservice[cell] = primary;
    }
    this.edSubservice = edSubservice;
    // A patient-year's visits are Poisson(frailty x mean): with a Gamma(k, 1/k) frailty each
    // year's count is NegBin(mean, k) as configured, and a frequent user stays frequent.
    const countModel = ed.countModel;
    this.frailty =
      countModel.model === 'negbin'
        ? gamma(slots.patients)(countModel.dispersion, 1 / countModel.dispersion)
        : () => 1;
    this.arrivalDay = this.calendarYears.flatMap((_, y) =>
      subservices.map((s) => {
        const first = this.yearFirstDay[y]!;
        const days = this.yearFirstDay[y + 1]! - first;
        const weights = new Float64Array(days);
        for (let d = 0; d < days; d++) {
          const month = civilDate.toParts(first + d)[1] - 1;
          // 1970-01-01 was a Thursday; index 0 is Monday.
          const weekday = (((first + d + 3) % 7) + 7) % 7;
          weights[d] = ed.seasonality[s]![month]! * ed.weekdayProbabilities[s]![weekday]!;
        }
        return sampler(slots.edVisits, weights) ?? (() => 0);
      }),
    );
    this.arrivalHour = subservices.map(
      (s) => sampler(slots.edVisits, ed.hourProbabilities[s]!) ?? (() => 0),
    );
    this.secondOfHour = uniformInt(slots.edVisits)(0, 3_599);
    this.edFacility = settings.edFacilityShares.flatMap((bySubservice) =>
      bySubservice.map((byFacility) => sampler(slots.edVisits, byFacility)),
    );
    this.edOutcome = new EdOutcome(scenario, slots.edVisits);
    this.pediatricMaxAge = ed.pediatricMaxAge;
    this.oldestAge = OLDEST_AGE;

    // Inpatient.
    const ip = scenario.inpatient;
    this.pairOffset = new Int32Array(P + 1);
    scenario.programs.forEach((program, p) => {
      this.pairOffset[p + 1] = this.pairOffset[p]! + program.subprograms.length;
    });
    this.pairCount = this.pairOffset[P]!;
    this.offered = new Uint8Array(F * this.pairCount);
    for (let f = 0; f < F; f++)
      for (let p = 0; p < P; p++)
        scenario.coverage.subprograms[f]![p]!.forEach((isOffered, sp) => {
          this.offered[f * this.pairCount + this.pairOffset[p]! + sp] = isOffered ? 1 : 0;
        });
    this.admissions = new AdmissionChoice(
      scenario,
      this.offered,
      settings.minAges,
      maxAges,
      slots.inpatient,
    );
    this.stayLength = new StayLength(scenario, settings.maxLosDays, slots.inpatient);
    this.timing = new StayTiming(
      scenario,
      this.clock,
      this.censusFirstDay - 1,
      this.yearFirstDay[years]! + 1,
      this.yearFirstDay,
      slots.inpatient,
    );
    this.dischargeOutcome = new DischargeOutcome(scenario, slots.inpatient);
    this.maxLosCents = Math.floor(settings.maxLosDays * 100 + 1e-9);
    this.readmission30 = Float64Array.from(ip.readmission30.flat());
    this.readmissionViaEdShare = ip.readmissionViaEdShare;
    this.transferProgramChangeShare = ip.transferProgramChangeShare;
    this.unit = uniform(slots.inpatient)(0, 1);
    // Deaths in a bed, and readmissions through the ED, are part of the configured rates: the
    // cohort's other deaths and the ED's other visits are drawn less them.
    this.ipDeathRate = new Float64Array(cellCount);
    const J = this.pairCount;
    for (let cell = 0; cell < cellCount; cell++) {
      const age = Math.floor((cell % (A * G)) / G);
      const ag = age * G + (cell % G);
      let deaths = 0;
      let readmittedViaEd = 0;
      for (let j = 0; j < J; j++) {
        const perYear = this.admissions.perPersonYear[ag * J + j]!;
        const program = this.admissions.pairProgram[j]!;
        deaths += perYear * ip.discharge.died[age]![program]!;
        readmittedViaEd += perYear * ip.readmission30[age]![program]! * ip.readmissionViaEdShare;
      }
      this.ipDeathRate[cell] = deaths;
      this.edMean[cell] = Math.max(0, this.edMean[cell]! - readmittedViaEd);
    }
    this.transferTo = sites.map((site) =>
      Int32Array.from(
        ip.transfers.filter((corridor) => corridor.fromSiteId === site.id),
        (corridor) => corridor.toSiteId - 1,
      ),
    );
    this.transfer = sites.map((site) => {
      const outgoing = ip.transfers.filter((corridor) => corridor.fromSiteId === site.id);
      if (outgoing.length === 0) return null;
      const stay = Math.max(
        0,
        1 - outgoing.reduce((sum, corridor) => sum + corridor.probability, 0),
      );
      return sampler(slots.inpatient, [stay, ...outgoing.map((corridor) => corridor.probability)]);
    });
    this.edReferral = new Int32Array(F * S).fill(-1);
    for (let f = 0; f < F; f++)
      for (let s = 0; s < S; s++)
        sites.forEach((other, o) => {
          const best = this.edReferral[f * S + s]!;
          if (
            o !== f &&
            scenario.coverage.ed[o]![s] &&
            (best < 0 || other.staffedBeds > sites[best]!.staffedBeds)
          )
            this.edReferral[f * S + s] = o;
        });
    this.referralSite = Int32Array.from(sites, (_, f) => {
      const corridor = this.transferTo[f]!;
      if (corridor.length > 0) return corridor[0]!;
      let largest = -1;
      sites.forEach((other, o) => {
        if (o !== f && (largest < 0 || other.staffedBeds > sites[largest]!.staffedBeds))
          largest = o;
      });
      return largest;
    });
  }

  /**
   * The local day of a UTC instant; past the simulated years (a long stay's discharge) the UTC
   * day, as only census and exit days inside them need the time zone.
   */
  localDayOf(utcSeconds: number): number {
    return utcSeconds < this.clockEnd
      ? this.clock.localDayOf(utcSeconds)
      : Math.floor(utcSeconds / 86_400);
  }

  /** A keyed permutation of an entrant group's `size` birth dates, built once per worker. */
  groupOrder(purpose: string, index: number, size: number): FeistelPermutation {
    const key = `${purpose}:${index}`;
    let order = this.groupOrders.get(key);
    if (!order) {
      order = new FeistelPermutation(size, this.seed, purpose, index);
      this.groupOrders.set(key, order);
    }
    return order;
  }
}
