import {
  aliasTable,
  bernoulli,
  categorical,
  gamma,
  poisson,
  truncatedLognormal,
  uniform,
  uniformInt,
} from '@lm-synth/stats';
import { birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';
import type { CohortPlan } from './cohort-plan.js';
import { crossLhaHomeWeights } from './cross-lha-home-weights.js';
import { DobPools, RESIDENT_POOL } from './dob-pools.js';
import { FeistelPermutation } from './feistel-permutation.js';
import type { GeneratorSettings } from './generator-settings.js';
import { LocalClock } from './local-clock.js';
import { StreamSlot } from './stream-slot.js';

type Draw = () => number;

/** Patients per logical block: a constant of the format, never the batch size or worker count. */
export const PATIENTS_PER_BLOCK = 4_096;
/** Slices of the patient slots indexed to their first cell, so finding a slot's cell takes a step or two. */
export const CELL_BUCKETS = 4_096;
/** Shortest stay in days (blueprint §4). */
const MIN_LOS_DAYS = 0.25;
/** ED boarding: an ED admission starts Lognormal(median 4 h, sigma 0.5) after arrival, kept within 1-24 h. */
const BOARDING_MEDIAN_HOURS = 4;
const BOARDING_SIGMA = 0.5;
const BOARDING_RANGE_HOURS = [1, 24] as const;

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
  /** Per cell, a permutation of its age band's birth dates (unique quasi-identifiers only). */
  readonly birthOrder: readonly (FeistelPermutation | null)[];
  /** Per resident cell: its birth dates (the pool-0 days of its band with unique quasi-identifiers). */
  readonly birthDays: readonly Int32Array[];
  readonly birthFirst: Int32Array;
  readonly birthUniform: readonly Draw[];
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
  /** Per age group x subservice. */
  readonly acuity: readonly Draw[];
  /**
   * Dispositions other than Deceased (null when every visit ends in death), and the Deceased
   * share p, per age group x subservice. A visit ends in death with probability p / G for a
   * patient of frailty G: a frequent attender's visit is less often fatal, so the death
   * hazard per person-year (m G x p / G = m p) does not depend on frailty and deaths do not
   * thin out the frail, while over all visits (weighted by G) the Deceased share is still p.
   */
  readonly disposition: readonly (Draw | null)[];
  readonly deceasedShare: Float64Array;
  readonly edVisitUniform: Draw;

  // Inpatient. Programs and (program, subprogram) pairs are 0-based.
  readonly pairOffset: Int32Array;
  readonly pairCount: number;
  readonly offered: Uint8Array;
  readonly boardingSeconds: Draw;
  // Admissions depend on age group and gender (subprograms may admit some genders only):
  // "age x gender" below is the index age group * genderCount + gender.
  /** Per age x gender: direct admissions in a year, and their program. */
  readonly directCount: readonly Draw[];
  readonly directProgram: readonly (Draw | null)[];
  /** Per (age x gender) x site: program of an admission there (null: the site admits nobody of that age and gender). */
  readonly programAtSite: readonly (Draw | null)[];
  /** Per ((age x gender) x site) x program: subprogram (null: none offered for that age and gender). */
  readonly subprogramAtSite: readonly (Draw | null)[];
  /** Per ((age x gender) x home site) x program: where a direct admission goes (-1: nowhere). */
  readonly directSite: Int32Array;
  readonly dayOfYear: readonly Draw[];
  readonly secondOfDay: Draw;
  /** Per pair: LOS in days. */
  readonly los: readonly Draw[];
  /** Per age group x program. */
  readonly alc: readonly Draw[];
  readonly alcMinimumCents: number;
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
    const ages = Array.from({ length: A }, (_, a) => a);
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
    this.birthFirst = Int32Array.from(birthRanges, (range) => range.first);
    const pools = this.dobPools;
    this.birthDays = Array.from({ length: pools ? cellCount : 0 }, (_, cell) => {
      const range = birthRanges[Math.floor((cell % (A * G)) / G)]!;
      const lha = Math.floor(cell / (A * G));
      return pools!.days(lha, cell % G, RESIDENT_POOL, range.first, range.first + range.count - 1);
    });
    this.birthOrder = this.birthDays.map((days, cell) =>
      days.length > 0 ? new FeistelPermutation(days.length, seed, 'birth-dates', cell) : null,
    );
    this.birthUniform = birthRanges.map((range) => uniformInt(slots.patients)(0, range.count - 1));
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
    this.acuity = ages.flatMap((a) =>
      subservices.map((s) => sampler(slots.edVisits, ed.acuity[a]![s]!)!),
    );
    const deceased = settings.codes.deceased;
    this.disposition = ages.flatMap((a) =>
      subservices.map((s) =>
        sampler(
          slots.edVisits,
          ed.disposition[a]![s]!.map((p, d) => (d === deceased ? 0 : p)),
        ),
      ),
    );
    this.deceasedShare = Float64Array.from(
      ages.flatMap((a) => subservices.map((s) => ed.disposition[a]![s]![deceased]!)),
    );
    this.edVisitUniform = uniform(slots.edVisits)(0, 1);

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
    // `ag` is age group * G + gender.
    const ageGenders = Array.from({ length: A * G }, (_, ag) => ag);
    const probability = (ag: number) =>
      ip.admissionProbabilityByGender[Math.floor(ag / G)]![ag % G]!;
    const subprogramWeights = (ag: number, f: number, p: number) =>
      ip.subprogramMixByGender[Math.floor(ag / G)]![ag % G]![p]!.map(
        (share, sp) => share * this.offered[f * this.pairCount + this.pairOffset[p]! + sp]!,
      );
    const admits = (ag: number, f: number, p: number) =>
      subprogramWeights(ag, f, p).some((w) => w > 0);

    const boarding = truncatedLognormal(slots.inpatient)(
      Math.log(BOARDING_MEDIAN_HOURS * 3_600),
      BOARDING_SIGMA,
      BOARDING_RANGE_HOURS[0] * 3_600,
      BOARDING_RANGE_HOURS[1] * 3_600,
    );
    this.boardingSeconds = () => Math.round(boarding());
    const directShare = 1 - ip.edAdmissionShare;
    this.directCount = ageGenders.map((ag) =>
      poisson(slots.inpatient)(directShare * probability(ag).reduce((x, y) => x + y, 0)),
    );
    this.directProgram = ageGenders.map((ag) => {
      const anywhere = (p: number) => sites.some((_, f) => admits(ag, f, p));
      const weights = probability(ag).map((q, p) => (anywhere(p) ? q : 0));
      return (
        sampler(slots.inpatient, weights) ??
        sampler(
          slots.inpatient,
          weights.map((_, p) => (anywhere(p) ? 1 : 0)),
        )
      );
    });
    this.programAtSite = ageGenders.flatMap((ag) =>
      sites.map((_, f) => {
        const eligible = scenario.programs.map((_, p) => (admits(ag, f, p) ? 1 : 0));
        return (
          sampler(
            slots.inpatient,
            eligible.map((e, p) => e * probability(ag)[p]!),
          ) ?? sampler(slots.inpatient, eligible)
        );
      }),
    );
    this.subprogramAtSite = ageGenders.flatMap((ag) =>
      sites.flatMap((_, f) =>
        scenario.programs.map((_, p) => sampler(slots.inpatient, subprogramWeights(ag, f, p))),
      ),
    );
    // Home if it admits the patient to the program, else the largest site (staffed beds) that does.
    this.directSite = new Int32Array(A * G * F * P).fill(-1);
    for (let ag = 0; ag < A * G; ag++)
      for (let p = 0; p < P; p++) {
        let largest = -1;
        sites.forEach((site, f) => {
          if (admits(ag, f, p) && (largest < 0 || site.staffedBeds > sites[largest]!.staffedBeds))
            largest = f;
        });
        for (let home = 0; home < F; home++)
          this.directSite[(ag * F + home) * P + p] = admits(ag, home, p) ? home : largest;
      }
    this.dayOfYear = this.calendarYears.map((_, y) =>
      uniformInt(slots.inpatient)(0, this.yearFirstDay[y + 1]! - this.yearFirstDay[y]! - 1),
    );
    this.secondOfDay = uniformInt(slots.inpatient)(0, 86_399);
    this.los = scenario.programs.flatMap((_, p) =>
      ip.los[p]!.map(({ mu, sigma }) =>
        truncatedLognormal(slots.inpatient)(mu, sigma, MIN_LOS_DAYS, settings.maxLosDays),
      ),
    );
    this.alc = ages.flatMap((a) =>
      scenario.programs.map((_, p) => bernoulli(slots.inpatient)(ip.alcProbability[a]![p]!)),
    );
    this.alcMinimumCents = Math.ceil(ip.alcLosThresholdDays * 100 - 1e-9);
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
