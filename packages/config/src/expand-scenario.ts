import { AGE_GROUPS, type AgeGroup, ED_DISPOSITIONS, ED_SUBSERVICES, GENDERS } from './domains.js';
import { genderAdmissionRates } from './gender-admission-rates.js';
import { parameterOverrides } from './parameter-overrides.js';
import type { Scenario } from './scenario.js';
import type { ScenarioInput } from './scenario-input-schema.js';

const CTAS_LEVELS = ['1', '2', '3', '4', '5'] as const;

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
    },
    inpatient: {
      admissionProbability,
      edAdmissionShare: input.inpatient.ed_admission_share,
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
      alcLosThresholdDays: input.inpatient.alc.los_threshold_days,
      alcProbability: AGE_GROUPS.map((group) =>
        programEntries.map(([key]) => input.inpatient.alc.probability[key]![group]),
      ),
      transfers: input.inpatient.transfers.map((corridor) => ({
        fromSiteId: siteId(corridor.from),
        toSiteId: siteId(corridor.to),
        probability: corridor.probability,
      })),
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
