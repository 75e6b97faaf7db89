import {
  ADMISSION_ROUTES,
  AGE_GROUPS,
  type AgeGroup,
  ALC_DESTINATIONS,
  CTAS_LEVELS,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  GENDERS,
  OLDEST_AGE,
} from './domains.js';
import { genderAdmissionRates } from './gender-admission-rates.js';
import { parameterOverrides } from './parameter-overrides.js';
import type { Scenario } from './scenario.js';
import type { ScenarioInput } from './scenario-input-schema.js';

/** Routes of an inpatient subprogram the YAML leaves out: CIHI's 60% through the ED, the rest direct. */
const DEFAULT_ROUTES = [0.6, 0, 0.4];
/** The 90th percentile of a standard normal. */
const Z90 = 1.2815515655446004;

function lognormal(spec: { median: number; p90: number; max: number }) {
  return {
    mu: Math.log(spec.median),
    sigma: Math.log(spec.p90 / spec.median) / Z90,
    max: spec.max,
  };
}

/** Births per woman-year by single year of age 0..OLDEST_AGE from rates per 1,000 by "a-b" ranges. */
function singleYearRates(ranges: Readonly<Record<string, number>>): number[] {
  const rates = new Array<number>(OLDEST_AGE + 1).fill(0);
  for (const [range, per1000] of Object.entries(ranges)) {
    const [low = 0, high = 0] = range.split('-').map(Number);
    for (let age = low; age <= Math.min(high, OLDEST_AGE); age++) rates[age] = per1000 / 1000;
  }
  return rates;
}

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

function pick<K extends string>(record: Readonly<Record<K, number>>, keys: readonly K[]): number[] {
  return keys.map((key) => record[key]);
}

/**
 * Turns validated YAML input into the generator-facing Scenario: ids assigned
 * in YAML order, weights normalised, band settings spread over age groups and
 * the compact ED rate form multiplied out. `defaults` is what overrides are
 * measured against.
 */
export function expandScenario(input: ScenarioInput, defaults: ScenarioInput): Scenario {
  const siteCodes = Object.keys(input.sites);
  const siteId = (code: string) => siteCodes.indexOf(code) + 1;
  const programEntries = Object.entries(input.programs);
  const lhaEntries = Object.entries(input.lhas);
  const bandOf = new Map<AgeGroup, string>();
  for (const [band, groups] of Object.entries(input.age_bands))
    for (const group of groups) bandOf.set(group, band);
  const band = (group: AgeGroup) => bandOf.get(group) as string;

  // The schema rejects a CSV path here; loadScenario inlines the CSV first.
  const matrix = input.coverage_matrix as Exclude<ScenarioInput['coverage_matrix'], string>;
  const rates = input.ed.rates_per_1000;
  const ratesPer1000 = lhaEntries.map(([name]) => {
    // The schema guarantees exactly one of by_lha (complete) and base.
    const table = rates.by_lha?.[name] ?? rates.base!;
    const multiplier = rates.by_lha ? 1 : (rates.lha_multipliers?.[name] ?? 1);
    return AGE_GROUPS.map((group) =>
      GENDERS.map((gender) =>
        ED_SUBSERVICES.map((subservice) => table[group][gender][subservice] * multiplier),
      ),
    );
  });

  const lhas = lhaEntries.map(([name, lha], index) => ({
    id: index + 1,
    name,
    defaultSiteId: siteId(lha.default_site),
    basePopulation: lha.base_population,
    annualGrowthPct: lha.annual_growth_pct,
    ageShares: normalise(pick(lha.age_weights, AGE_GROUPS)),
    genderShares: normalise(pick(lha.gender_weights, GENDERS)),
  }));
  const programs = programEntries.map(([key, program], index) => ({
    id: index + 1,
    key,
    name: program.name,
    subprograms: Object.entries(program.subprograms).map(([subKey, subprogram], subIndex) => ({
      programId: index + 1,
      id: subIndex + 1,
      key: subKey,
      name: subprogram.name,
      genders: GENDERS.filter((gender) => subprogram.genders?.includes(gender) ?? true),
      setting: subprogram.setting,
      maternity: input.inpatient.maternity_subprograms.includes(`${key}.${subKey}`),
    })),
  }));
  const admissionProbability = AGE_GROUPS.map((group) =>
    programEntries.map(([key]) => input.inpatient.admission_probability[key]![group]),
  );
  const subprogramMix = AGE_GROUPS.map((group) =>
    programEntries.map(([key, program]) =>
      pick(input.inpatient.subprogram_mix[key]![band(group)]!, Object.keys(program.subprograms)),
    ),
  );
  // Gender shares of each age group's start-year population, over all LHAs.
  const genderShares = AGE_GROUPS.map((_, a) =>
    normalise(
      GENDERS.map((_, g) =>
        lhas.reduce(
          (sum, lha) => sum + lha.basePopulation * lha.ageShares[a]! * lha.genderShares[g]!,
          0,
        ),
      ),
    ),
  );
  const byGender = genderAdmissionRates(
    admissionProbability,
    subprogramMix,
    programs.map((program) =>
      program.subprograms.map((subprogram) =>
        GENDERS.map((gender) => subprogram.genders.includes(gender)),
      ),
    ),
    genderShares,
  );

  return {
    meta: {
      id: input.scenario.id,
      name: input.scenario.name,
      description: input.scenario.description,
      parameterOverrides: parameterOverrides(input, defaults),
    },
    referenceDate: input.reference_date,
    timeZone: input.time_zone,
    startYear: input.start_year,
    horizonYears: input.horizon_years,
    endYear: input.start_year + input.horizon_years - 1,
    seed: input.seed,
    patients: input.patients,
    sites: Object.entries(input.sites).map(([code, site], index) => ({
      id: index + 1,
      code,
      name: site.name,
      staffedBeds: site.staffed_beds,
      physicalBeds: site.physical_beds,
      nhppd: site.nhppd,
    })),
    lhas,
    demography: {
      mortality: AGE_GROUPS.map((group) =>
        GENDERS.map((gender) => input.demography.mortality_per_1000[group][gender] / 1000),
      ),
      fertility: AGE_GROUPS.map(
        (group) => (input.demography.fertility_per_1000[group] ?? 0) / 1000,
      ),
      birthGenderShares: pick(input.demography.birth_gender_shares, GENDERS),
      outMigration: AGE_GROUPS.map(
        (group) => input.demography.out_migration_per_1000[group] / 1000,
      ),
      inMigrantAgeShares: normalise(pick(input.demography.in_migrant_age_weights, AGE_GROUPS)),
      singleYearMortalityDoublingYears: input.demography.single_year_mortality_doubling_years,
    },
    programs,
    ageBands: Object.entries(input.age_bands).map(([name, ageGroups]) => ({
      name,
      ageGroups: AGE_GROUPS.filter((group) => ageGroups.includes(group)),
    })),
    coverage: {
      ed: siteCodes.map((code) =>
        ED_SUBSERVICES.map((subservice) => matrix[code]?.[subservice] === 1),
      ),
      subprograms: siteCodes.map((code) =>
        programEntries.map(([key, program]) =>
          Object.keys(program.subprograms).map((sub) => matrix[code]?.[`${key}.${sub}`] === 1),
        ),
      ),
    },
    crossLha: {
      homeFacilityShare: input.cross_lha.home_facility_share,
      edNonHomeShare: input.cross_lha.ed_non_home_share,
    },
    ed: {
      countModel: input.ed.count_model,
      ratesPer1000,
      acuity: AGE_GROUPS.map((group) =>
        ED_SUBSERVICES.map((subservice) =>
          pick(input.ed.acuity[band(group)]![subservice], CTAS_LEVELS),
        ),
      ),
      disposition: AGE_GROUPS.map((group) =>
        ED_SUBSERVICES.map((subservice) =>
          pick(input.ed.disposition[band(group)]![subservice], ED_DISPOSITIONS),
        ),
      ),
      seasonality: ED_SUBSERVICES.map((subservice) => [...input.ed.seasonality[subservice]]),
      weekdayProbabilities: ED_SUBSERVICES.map((subservice) =>
        normalise(input.ed.arrival[subservice].weekday),
      ),
      hourProbabilities: ED_SUBSERVICES.map((subservice) =>
        normalise(input.ed.arrival[subservice].hour),
      ),
      dispositionAcuityOdds: ED_DISPOSITIONS.map((disposition) =>
        disposition === 'Discharged'
          ? CTAS_LEVELS.map(() => 1)
          : pick(input.ed.disposition_acuity_odds[disposition], CTAS_LEVELS),
      ),
      pediatricMaxAge: input.ed.pediatric_max_age,
      arrivalToAdmissionHours: lognormal(input.ed.arrival_to_admission_hours),
      transferDelayHours: lognormal(input.ed.transfer_delay_hours),
    },
    inpatient: {
      admissionProbability,
      admissionRoutes: programs.map((program) =>
        program.subprograms.map((subprogram) => {
          if (subprogram.setting === 'ambulatory') return ADMISSION_ROUTES.map(() => 0);
          const routes = input.inpatient.admission_routes[program.key]?.[subprogram.key];
          return routes ? pick(routes, ADMISSION_ROUTES) : DEFAULT_ROUTES;
        }),
      ),
      maternalAgeRates: singleYearRates(input.inpatient.maternal_age_rates),
      subprogramMix,
      admissionProbabilityByGender: byGender.admissionProbabilityByGender,
      subprogramMixByGender: byGender.subprogramMixByGender,
      los: programEntries.map(([key, program]) =>
        Object.keys(program.subprograms).map((sub) => {
          const los = input.inpatient.los[key]![sub]!;
          return {
            mu: los.mu,
            sigma: los.sigma,
            medianBand: [los.median_band[0], los.median_band[1]] as const,
          };
        }),
      ),
      losReferenceAge: input.inpatient.los_reference_age,
      losAgeFactorPerDecade: programEntries.map(
        ([key]) => input.inpatient.los_age_factor_per_decade[key] ?? 1,
      ),
      alcLosThresholdDays: input.inpatient.alc.los_threshold_days,
      alcDays: lognormal(input.inpatient.alc.days),
      alcBedDayShareBand: [
        input.inpatient.alc.bed_day_share_band[0],
        input.inpatient.alc.bed_day_share_band[1],
      ] as const,
      alcProbability: AGE_GROUPS.map((group) =>
        programEntries.map(([key]) => input.inpatient.alc.probability[key]![group]),
      ),
      transfers: input.inpatient.transfers.map((corridor) => ({
        fromSiteId: siteId(corridor.from),
        toSiteId: siteId(corridor.to),
        probability: corridor.probability,
      })),
      transferGapHours: lognormal(input.inpatient.transfer_gap_hours),
      transferProgramChangeShare: input.inpatient.transfer_program_change_share,
      readmission30: AGE_GROUPS.map((group) =>
        programEntries.map(
          ([key]) => input.inpatient.readmission.within_30_days[key]?.[band(group)] ?? 0,
        ),
      ),
      readmissionViaEdShare: input.inpatient.readmission.via_ed_share,
      discharge: {
        died: AGE_GROUPS.map((group) =>
          programEntries.map(([key]) => input.inpatient.discharge.died[key]?.[band(group)] ?? 0),
        ),
        leftAgainstAdvice: input.inpatient.discharge.left_against_advice,
        homeWithSupport: AGE_GROUPS.map(
          (group) => input.inpatient.discharge.home_with_support[band(group)] ?? 0,
        ),
        longTermCare: AGE_GROUPS.map(
          (group) => input.inpatient.discharge.long_term_care[band(group)] ?? 0,
        ),
        afterAlc: pick(input.inpatient.discharge.after_alc, ALC_DESTINATIONS),
      },
      timing: {
        dischargeWeekday: normalise(input.inpatient.timing.discharge_weekday),
        dischargeHour: normalise(input.inpatient.timing.discharge_hour),
        electiveWeekday: normalise(input.inpatient.timing.elective_weekday),
        electiveHour: normalise(input.inpatient.timing.elective_hour),
        directHour: normalise(input.inpatient.timing.direct_hour),
        seasonality: programEntries.map(([key]) => [
          ...(input.inpatient.timing.seasonality[key] ?? new Array<number>(12).fill(1)),
        ]),
      },
    },
    capacity: {
      targetOccupancy: input.capacity.target_occupancy,
      occupancyBand: [input.capacity.occupancy_band[0], input.capacity.occupancy_band[1]] as const,
    },
    validation: {
      ksThreshold: input.validation.ks_threshold,
      corrThreshold: input.validation.corr_threshold,
      marginalTolerance: input.validation.marginal_tolerance,
      volumeTolerance: input.validation.volume_tolerance,
      pediatricShareUnder15Min: input.validation.pediatric_share_under_15_min,
      pediatricShare25PlusMax: input.validation.pediatric_share_25_plus_max,
      adultEdShare25PlusMin: input.validation.adult_ed_share_25_plus_min,
      qualityScoreMin: input.validation.quality_score_min,
    },
    input,
  };
}
