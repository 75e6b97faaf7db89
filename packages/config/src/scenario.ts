import type { AgeGroup, CareSetting, Gender } from './domains.js';
import type { ScenarioInput } from './scenario-input-schema.js';

/**
 * A validated scenario in the form generators use. Conventions:
 * - Sites, LHAs and programs carry 1-based `id`s (the dimension-table ids, in
 *   YAML order); arrays over them are indexed by `id - 1`.
 * - Arrays over a closed domain follow the order of AGE_GROUPS, GENDERS,
 *   ED_SUBSERVICES and ED_DISPOSITIONS; CTAS arrays are levels 1-5.
 * - Probability vectors sum to 1; weights are normalised into shares.
 * - Band-level settings (acuity, disposition, subprogram mix) are expanded to
 *   every age group, and ED rates to the full LHA x age x gender x subservice table.
 */
export interface Scenario {
  readonly meta: ScenarioMeta;
  /** Fixed "today", YYYY-MM-DD. */
  readonly referenceDate: string;
  /** IANA time zone of the region: profiles are local wall-clock time here, stored timestamps UTC instants. */
  readonly timeZone: string;
  readonly startYear: number;
  readonly horizonYears: number;
  /** Last projection year, inclusive: startYear + horizonYears - 1. */
  readonly endYear: number;
  readonly seed: number;
  readonly patients: number;
  readonly sites: readonly ScenarioSite[];
  readonly lhas: readonly ScenarioLha[];
  readonly demography: ScenarioDemography;
  readonly programs: readonly ScenarioProgram[];
  readonly ageBands: readonly ScenarioAgeBand[];
  readonly coverage: ScenarioCoverage;
  readonly crossLha: ScenarioCrossLha;
  readonly ed: ScenarioEd;
  readonly inpatient: ScenarioInpatient;
  readonly capacity: ScenarioCapacity;
  readonly validation: ValidationThresholds;
  /** The merged, validated YAML input (coverage CSV inlined) this was expanded from. */
  readonly input: ScenarioInput;
}

export interface ScenarioMeta {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Settings that differ from the packaged defaults (scenario block aside), as nested YAML keys; null marks a removed key. */
  readonly parameterOverrides: Readonly<Record<string, unknown>>;
}

export interface ScenarioSite {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly staffedBeds: number;
  readonly physicalBeds: number;
  readonly nhppd: number;
}

export interface ScenarioLha {
  readonly id: number;
  readonly name: string;
  readonly defaultSiteId: number;
  /** Population in the start year. */
  readonly basePopulation: number;
  /** Compound annual growth in percent; population(year) = base * (1 + pct/100)^(year - startYear). */
  readonly annualGrowthPct: number;
  /** Share of the population in each age group (AGE_GROUPS order), summing to 1. */
  readonly ageShares: readonly number[];
  /** Share of the population of each gender (GENDERS order), summing to 1. */
  readonly genderShares: readonly number[];
}

/**
 * Rates of the cohort-component population projection (projectPopulation), the same in
 * every LHA and year. Mortality and out-migration are yearly hazards (per person-year),
 * as published rates per 1,000 population are; projectPopulation turns them into
 * probabilities for a year.
 */
export interface ScenarioDemography {
  /** [age group][gender]: deaths per person-year. */
  readonly mortality: readonly (readonly number[])[];
  /** [age group]: live births per woman (Female) per year; 0 where the YAML gives none. */
  readonly fertility: readonly number[];
  /** [gender]: share of newborns, summing to 1. */
  readonly birthGenderShares: readonly number[];
  /** [age group]: departures from the region per person-year (gross out-migration). */
  readonly outMigration: readonly number[];
  /** [age group]: share of in-migrants by their age group on the January 1 after arriving, summing to 1. */
  readonly inMigrantAgeShares: readonly number[];
  /** Gompertz doubling time (years) of mortality with age: shapes single years within a group. */
  readonly singleYearMortalityDoublingYears: number;
}

export interface ScenarioProgram {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly subprograms: readonly ScenarioSubprogram[];
}

export interface ScenarioSubprogram {
  readonly programId: number;
  /** 1-based within the program. */
  readonly id: number;
  readonly key: string;
  readonly name: string;
  /** Genders that can be admitted here (GENDERS order); every gender unless the YAML restricts it. */
  readonly genders: readonly Gender[];
  /** Overnight beds, same-day beds, or no bed (no ip_stays rows). */
  readonly setting: CareSetting;
  /** Admissions follow the mother's single year of age (inpatient.maternalAgeRates). */
  readonly maternity: boolean;
}

/** A duration drawn as Lognormal(mu, sigma) (log of the unit), capped at max. */
export interface LognormalDuration {
  readonly mu: number;
  readonly sigma: number;
  readonly max: number;
}

export interface ScenarioAgeBand {
  readonly name: string;
  readonly ageGroups: readonly AgeGroup[];
}

export interface ScenarioCoverage {
  /** [site][ED subservice]: the site offers the subservice. */
  readonly ed: readonly (readonly boolean[])[];
  /** [site][program][subprogram]: the site offers the subprogram. */
  readonly subprograms: readonly (readonly (readonly boolean[])[])[];
}

export interface ScenarioCapacity {
  /** Staffed beds per site and month are the mean midnight census of the four weeks before, divided by this. */
  readonly targetOccupancy: number;
  /** [low, high]: the mean occupancy per site and year validate expects. */
  readonly occupancyBand: readonly [number, number];
}

export interface ScenarioCrossLha {
  /** Share of patients whose home facility is not their LHA's default site. */
  readonly homeFacilityShare: number;
  /** Share of ED visits at a facility other than the patient's home facility. */
  readonly edNonHomeShare: number;
}

export type EdCountModel =
  | { readonly model: 'poisson' }
  /** Gamma-Poisson mixture with size k: variance = mean + mean^2 / k. */
  | { readonly model: 'negbin'; readonly dispersion: number };

export interface ScenarioEd {
  readonly countModel: EdCountModel;
  /** [lha][age group][gender][subservice]: visits per 1,000 population per year. */
  readonly ratesPer1000: readonly (readonly (readonly (readonly number[])[])[])[];
  /** [age group][subservice][CTAS level - 1]: probability. */
  readonly acuity: readonly (readonly (readonly number[])[])[];
  /** [age group][subservice][disposition]: probability, ED_DISPOSITIONS order. */
  readonly disposition: readonly (readonly (readonly number[])[])[];
  /** [subservice][month 0-11]: multiplier, averaging 1 over the year. */
  readonly seasonality: readonly (readonly number[])[];
  /** [subservice][weekday 0 = Monday ... 6 = Sunday]: probability. */
  readonly weekdayProbabilities: readonly (readonly number[])[];
  /** [subservice][hour 0-23]: probability. */
  readonly hourProbabilities: readonly (readonly number[])[];
  /** [disposition][CTAS level - 1]: odds relative to CTAS 3 (ED_DISPOSITIONS order; Discharged all 1). */
  readonly dispositionAcuityOdds: readonly (readonly number[])[];
  /** Oldest whole age seen in the Pediatric ED. */
  readonly pediatricMaxAge: number;
  /** Hours from ED arrival to admission. */
  readonly arrivalToAdmissionHours: LognormalDuration;
  /** Hours from ED arrival to arrival at the receiving site of a transfer. */
  readonly transferDelayHours: LognormalDuration;
}

export interface LosParameters {
  /** Lognormal parameters of LOS in days: median = exp(mu). */
  readonly mu: number;
  readonly sigma: number;
  /** The median LOS must land in [low, high] days. */
  readonly medianBand: readonly [number, number];
}

export interface TransferCorridor {
  readonly fromSiteId: number;
  readonly toSiteId: number;
  /** Chance that a stay at the from-site is transferred along this corridor. */
  readonly probability: number;
}

export interface ScenarioInpatient {
  /** [age group][program]: annual probability that a person is admitted to the program. */
  readonly admissionProbability: readonly (readonly number[])[];
  /** [program][subprogram][route]: shares of ed, elective, direct (ADMISSION_ROUTES); zeros for ambulatory. */
  readonly admissionRoutes: readonly (readonly (readonly number[])[])[];
  /** [single year of age 0..OLDEST_AGE]: births per woman-year; maternity admissions follow it. */
  readonly maternalAgeRates: readonly number[];
  /** [age group][program][subprogram]: which subprogram an admission lands in. */
  readonly subprogramMix: readonly (readonly (readonly number[])[])[];
  /**
   * [age group][gender][program]: admissionProbability for one gender. Where subprograms are
   * gender-restricted, eligible genders carry the restricted share, so that over the start-year
   * population of the age group each program and subprogram keeps its configured total.
   */
  readonly admissionProbabilityByGender: readonly (readonly (readonly number[])[])[];
  /** [age group][gender][program][subprogram]: subprogramMix for one gender; zero where ineligible (all zero: none eligible). */
  readonly subprogramMixByGender: readonly (readonly (readonly (readonly number[])[])[])[];
  /** [program][subprogram]. */
  readonly los: readonly (readonly LosParameters[])[];
  /** Age at which the LOS medians hold. */
  readonly losReferenceAge: number;
  /** [program]: LOS median multiplier per decade of age above losReferenceAge. */
  readonly losAgeFactorPerDecade: readonly number[];
  /** A stay flagged ALC lasts at least this many days. */
  readonly alcLosThresholdDays: number;
  /** [age group][program]: probability that a stay has ALC days. */
  readonly alcProbability: readonly (readonly number[])[];
  /** ALC days of an ALC stay, after its acute days. */
  readonly alcDays: LognormalDuration;
  /** [low, high]: share of bed-days that are ALC days validate accepts. */
  readonly alcBedDayShareBand: readonly [number, number];
  readonly transfers: readonly TransferCorridor[];
  /** Hours from the end of a stay to the start of its transfer stay. */
  readonly transferGapHours: LognormalDuration;
  readonly transferProgramChangeShare: number;
  /** [age group][program]: probability of an urgent readmission within 30 days of a discharge home. */
  readonly readmission30: readonly (readonly number[])[];
  readonly readmissionViaEdShare: number;
  readonly discharge: ScenarioDischarge;
  readonly timing: ScenarioInpatientTiming;
}

export interface ScenarioDischarge {
  /** [age group][program]: in-hospital death probability of a stay. */
  readonly died: readonly (readonly number[])[];
  readonly leftAgainstAdvice: number;
  /** [age group]: shares of live discharges home with support and to long-term care. */
  readonly homeWithSupport: readonly number[];
  readonly longTermCare: readonly number[];
  /** Shares of Home, Home with support, Long-term care (ALC_DESTINATIONS) after ALC days. */
  readonly afterAlc: readonly number[];
}

export interface ScenarioInpatientTiming {
  /** Weekday profiles Monday..Sunday and hour profiles 0..23, normalised. */
  readonly dischargeWeekday: readonly number[];
  readonly dischargeHour: readonly number[];
  readonly electiveWeekday: readonly number[];
  readonly electiveHour: readonly number[];
  readonly directHour: readonly number[];
  /** [program][month 0-11]: multipliers of direct and elective admissions, averaging 1. */
  readonly seasonality: readonly (readonly number[])[];
}

export interface ValidationThresholds {
  readonly ksThreshold: number;
  readonly corrThreshold: number;
  readonly marginalTolerance: number;
  readonly volumeTolerance: number;
  readonly pediatricShareUnder15Min: number;
  readonly pediatricShare25PlusMax: number;
  readonly adultEdShare25PlusMin: number;
  /** Minimum overall quality score of a dataset against the one it is compared with. */
  readonly qualityScoreMin: number;
}
