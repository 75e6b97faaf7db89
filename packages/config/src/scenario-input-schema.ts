import { z } from 'zod';
import { checkScenarioReferences } from './check-scenario-references.js';
import {
  ADMISSION_ROUTES,
  AGE_GROUPS,
  ALC_DESTINATIONS,
  CARE_SETTINGS,
  CTAS_LEVELS,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  GENDERS,
} from './domains.js';

// Analysts type these numbers by hand; a sum within a millionth of 1 is "1".
const SUM_TOLERANCE = 1e-6;

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Why a probability vector is not one, or undefined when it sums to 1. */
function sumError(vector: object): string | undefined {
  const total = sum(Object.values(vector) as number[]);
  return Math.abs(total - 1) > SUM_TOLERANCE
    ? `probabilities must sum to 1 (they sum to ${Number(total.toFixed(9))})`
    : undefined;
}

/** A strict object with one required key per domain value, e.g. every age group. */
function byDomain<const K extends string, T extends z.ZodType>(domain: readonly K[], value: T) {
  return z.strictObject(Object.fromEntries(domain.map((key) => [key, value])) as { [P in K]: T });
}

const probability = z.number().min(0).max(1);
const positiveWeight = z.number().gt(0, { error: 'weights must be positive' });
const share = (description: string) => z.number().min(0).max(0.5).meta({ description });

/** A probability vector over a closed domain that must sum to 1. */
function probabilityVector<const K extends string>(domain: readonly K[], description: string) {
  return byDomain(domain, probability)
    .superRefine((vector, ctx) => {
      const message = sumError(vector);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ description });
}

/** Non-negative weights with a positive total; the expansion normalises them. */
function profile(length: number, description: string) {
  return z
    .array(z.number().min(0))
    .length(length)
    .refine((values) => sum(values) > 0, { error: 'at least one weight must be positive' })
    .meta({ description });
}

const siteCode = z
  .string()
  .max(16)
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, {
    error: 'site codes are capital letters and digits joined by dashes, e.g. LM-SNW',
  });
const lhaName = z
  .string()
  .max(128)
  .regex(/^[A-Za-z][A-Za-z0-9 .'-]*$/, {
    error: "LHA names start with a letter and use letters, digits, spaces, . ' -",
  });
const identifier = z
  .string()
  .max(48)
  .regex(/^[a-z][a-z0-9_]*$/, {
    error: 'keys are lower_snake_case: a letter, then letters, digits or _',
  });

const scenarioMeta = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
      error: 'scenario ids are 1-64 lower-case letters, digits and dashes',
    }),
    name: z.string().min(1).max(128),
    description: z.string().max(1024),
  })
  .meta({ description: 'Scenario metadata, written to dim_scenario.' });

const referenceDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are written YYYY-MM-DD' })
  .refine(
    (text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    {
      error: 'not a calendar date',
    },
  )
  .meta({ description: 'Fixed "today" for ages and DOBs (YYYY-MM-DD); nothing reads the clock.' });

/** Whether Intl knows the zone; it throws RangeError for names outside the IANA database. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z
  .string()
  .refine(isTimeZone, {
    error: 'not a time zone this Node.js knows; use an IANA name such as America/Vancouver or UTC',
  })
  .default('America/Vancouver')
  .meta({
    description:
      'IANA time zone of the region (default America/Vancouver). Arrival, admission and discharge profiles are local wall-clock time here; stored timestamps are UTC instants.',
  });

const site = z
  .strictObject({
    name: z.string().min(1).max(128).meta({ description: 'Fictional facility name.' }),
    staffed_beds: z.int().min(0).meta({ description: 'Beds staffed on a typical day.' }),
    physical_beds: z
      .int()
      .min(1)
      .meta({ description: 'Physical beds, at least the staffed beds.' }),
    nhppd: z.number().gt(0).max(30).meta({ description: 'Nursing hours per patient day.' }),
  })
  .refine((value) => value.staffed_beds <= value.physical_beds, {
    error: 'staffed_beds cannot exceed physical_beds',
    path: ['staffed_beds'],
  });

const lha = z.strictObject({
  default_site: siteCode.meta({ description: 'Code of the facility serving the LHA by default.' }),
  base_population: z.int().min(1).meta({ description: 'Population in the start year.' }),
  annual_growth_pct: z
    .number()
    .min(-5)
    .max(10)
    .meta({ description: 'Compound annual growth, percent (-5 to 10).' }),
  age_weights: byDomain(AGE_GROUPS, positiveWeight).meta({
    description: 'Relative size of each age group; normalised, so percentages or counts both work.',
  }),
  gender_weights: byDomain(GENDERS, positiveWeight).meta({
    description: 'Relative size of each gender; normalised.',
  }),
});

// Rates per 1,000 per year. 1,000 is a generous ceiling: the model reads mortality and
// out-migration as hazards, so any finite rate is a valid probability of leaving.
const ratePer1000 = z.number().min(0).max(1000);

const demography = z
  .strictObject({
    mortality_per_1000: byDomain(AGE_GROUPS, byDomain(GENDERS, ratePer1000)).meta({
      description:
        'Deaths per 1,000 population per year by age group and gender (read as a constant yearly hazard).',
    }),
    single_year_mortality_doubling_years: z.number().gt(0).max(1000).meta({
      description:
        'Gompertz doubling time of mortality with age; shapes single years of age within each age group.',
    }),
    fertility_per_1000: z
      .strictObject(
        // Above 500 per 1,000 (a birth every other year for every woman of the group) is a typo.
        Object.fromEntries(
          AGE_GROUPS.map((group) => [group, z.number().min(0).max(500).optional()]),
        ) as {
          [P in (typeof AGE_GROUPS)[number]]: z.ZodOptional<z.ZodNumber>;
        },
      )
      .meta({
        description:
          "Live births per 1,000 women (Female) per year by the mother's age group; a group left out has none.",
      }),
    birth_gender_shares: probabilityVector(GENDERS, 'Gender of newborns.'),
    out_migration_per_1000: byDomain(AGE_GROUPS, ratePer1000).meta({
      description:
        'People leaving the region per 1,000 residents per year by age group (gross; a yearly hazard like mortality).',
    }),
    in_migrant_age_weights: byDomain(AGE_GROUPS, z.number().min(0))
      .refine((weights) => sum(Object.values(weights)) > 0, {
        error: 'at least one weight must be positive',
      })
      .meta({
        description:
          'Relative numbers of in-migrants by the age group they have on the January 1 after arriving; normalised.',
      }),
  })
  .meta({
    description:
      'Mortality, fertility and migration of the cohort-component population projection; each LHA keeps its configured growth.',
  });

const program = z.strictObject({
  name: z.string().min(1).max(128),
  subprograms: z
    .record(
      identifier,
      z.strictObject({
        name: z.string().min(1).max(128),
        genders: z
          .array(z.enum(GENDERS))
          .min(1)
          .refine((genders) => new Set(genders).size === genders.length, {
            error: 'each gender is listed once',
          })
          .optional()
          .meta({
            description:
              'Genders that can be admitted to the subprogram (absent: every gender). The program admission probability is raised for eligible genders so the population total stays as configured.',
          }),
        setting: z.enum(CARE_SETTINGS).default('inpatient').meta({
          description:
            'inpatient (overnight beds), day_case (admitted and discharged the same day) or ambulatory (no bed: no ip_stays rows).',
        }),
      }),
    )
    .refine((value) => Object.keys(value).length > 0, { error: 'a program needs a subprogram' })
    .meta({ description: 'Subprograms keyed by a short key; ids are 1-based in this order.' }),
});

const coverageCell = z.literal([0, 1]);
const coverageMatrix = z
  .union([
    z.string().min(1).meta({ description: 'Path of the coverage CSV, relative to this file.' }),
    z.record(siteCode, z.record(z.string(), coverageCell)),
  ])
  .meta({
    description:
      'Which program.subprogram and ED subservice each site offers: a CSV path, or inline site -> column -> 0/1.',
  });

const ageGenderSubserviceRates = byDomain(
  AGE_GROUPS,
  byDomain(GENDERS, byDomain(ED_SUBSERVICES, z.number().min(0).max(10_000))),
);

const edRates = z
  .strictObject({
    base: ageGenderSubserviceRates.optional().meta({
      description: 'Compact form: visits per 1,000 per year by age group, gender and subservice.',
    }),
    lha_multipliers: z.record(lhaName, z.number().gt(0).max(10)).optional().meta({
      description: 'Compact form: per-LHA multiplier on the base rates; an LHA left out gets 1.',
    }),
    by_lha: z.record(lhaName, ageGenderSubserviceRates).optional().meta({
      description: 'Full form: visits per 1,000 per year by LHA, age group, gender and subservice.',
    }),
  })
  .superRefine(({ base, lha_multipliers, by_lha }, ctx) => {
    if ((base === undefined) === (by_lha === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'give either base (with optional lha_multipliers) or by_lha, not both or neither',
      });
    else if (by_lha !== undefined && lha_multipliers !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'lha_multipliers apply to base rates only',
        path: ['lha_multipliers'],
      });
  })
  .meta({ description: 'ED visits per 1,000 population per year.' });

const countModel = z
  .discriminatedUnion('model', [
    z.strictObject({ model: z.literal('poisson') }),
    z.strictObject({
      model: z.literal('negbin'),
      dispersion: z.number().gt(0).max(1000).meta({
        description: 'Size k of the negative binomial: variance = mean + mean^2 / k.',
      }),
    }),
  ])
  .meta({ description: 'Distribution of ED visits per person-year.' });

const ctas = probabilityVector(CTAS_LEVELS, 'CTAS 1 (resuscitation) to 5 (non-urgent).');

/** A positive duration as a lognormal given by its median and 90th percentile, capped. */
function lognormalDuration(unit: string, description: string) {
  return z
    .strictObject({
      median: z
        .number()
        .gt(0)
        .meta({ description: `Median in ${unit}.` }),
      p90: z
        .number()
        .gt(0)
        .meta({ description: `90th percentile in ${unit}.` }),
      max: z
        .number()
        .gt(0)
        .meta({ description: `Cap in ${unit}.` }),
    })
    .refine(({ median, p90, max }) => median < p90 && p90 <= max, {
      error: 'needs median < p90 <= max',
    })
    .meta({ description });
}

const odds = byDomain(CTAS_LEVELS, z.number().min(0).max(10_000));
const bandProbabilities = z.record(identifier, probability);
const monthlyMultipliers = z
  .array(z.number().min(0))
  .length(12)
  .refine((values) => values.length !== 12 || Math.abs(sum(values) / 12 - 1) <= 1e-3, {
    error: 'the 12 monthly multipliers must average 1',
  });

const ed = z.strictObject({
  count_model: countModel,
  rates_per_1000: edRates,
  acuity: z
    .record(identifier, byDomain(ED_SUBSERVICES, ctas))
    .meta({ description: 'CTAS distribution by age band and subservice.' }),
  disposition: z
    .record(
      identifier,
      byDomain(ED_SUBSERVICES, probabilityVector(ED_DISPOSITIONS, 'Disposition distribution.')),
    )
    .meta({ description: 'Disposition distribution by age band and subservice.' }),
  seasonality: byDomain(
    ED_SUBSERVICES,
    z
      .array(z.number().min(0))
      .length(12)
      .refine((values) => values.length !== 12 || Math.abs(sum(values) / 12 - 1) <= 1e-3, {
        error: 'the 12 monthly multipliers must average 1',
      }),
  ).meta({ description: 'Monthly multipliers January-December, averaging 1.' }),
  arrival: byDomain(
    ED_SUBSERVICES,
    z.strictObject({
      weekday: profile(7, 'Relative arrivals Monday-Sunday.'),
      hour: profile(24, 'Relative arrivals by hour of day 0-23; zero for closed hours.'),
    }),
  ).meta({ description: 'Day-of-week and hour-of-day arrival profiles.' }),
  disposition_acuity_odds: z
    .strictObject({
      Admitted: odds,
      Transferred: odds,
      'Left Without Being Seen': odds,
      Deceased: odds,
    })
    .meta({
      description:
        'Odds of each outcome other than Discharged at each CTAS level relative to CTAS 3; calibrated so every segment keeps its `disposition` shares.',
    }),
  pediatric_max_age: z.int().min(0).max(24).meta({
    description:
      'Oldest age (whole years at the visit) seen in the Pediatric ED; older go to the Adult ED.',
  }),
  arrival_to_admission_hours: lognormalDuration(
    'hours',
    'Time from ED arrival to inpatient admission of admitted patients.',
  ),
  transfer_delay_hours: lognormalDuration(
    'hours',
    'Time from ED arrival to arrival at the receiving site of a transferred patient.',
  ),
});

const los = z
  .strictObject({
    mu: z.number().meta({ description: 'Mean of log LOS in days; the median LOS is exp(mu).' }),
    sigma: z.number().gt(0).max(3).meta({ description: 'Standard deviation of log LOS.' }),
    median_band: z
      .tuple([z.number(), z.number()])
      .meta({ description: 'The median LOS in days must land in [low, high].' }),
  })
  .superRefine(({ mu, median_band: band }, ctx) => {
    const median = Math.exp(mu);
    const issue = (message: string, path: PropertyKey[]) =>
      ctx.addIssue({ code: 'custom', message, path });
    if (!(band[0] > 0.25)) issue('median_band must start above 0.25 days', ['median_band']);
    else if (!(band[0] < band[1]))
      issue('median_band must be [low, high] with low < high', ['median_band']);
    else if (median < band[0] || median > band[1])
      issue(`median exp(mu) = ${median.toFixed(2)} days lies outside median_band`, ['mu']);
  });

const byAgeProbability = byDomain(AGE_GROUPS, probability);

const transfer = z
  .strictObject({
    from: siteCode,
    to: siteCode,
    probability: probability.meta({
      description: 'Chance a stay at `from` is transferred to `to`.',
    }),
  })
  .refine((value) => value.from !== value.to, {
    error: 'a corridor joins two different sites',
    path: ['to'],
  });

const inpatient = z.strictObject({
  admission_probability: z.record(identifier, byAgeProbability).meta({
    description: 'Annual probability that a person is admitted to each program, by age group.',
  }),
  admission_routes: z
    .record(
      identifier,
      z.record(identifier, probabilityVector(ADMISSION_ROUTES, 'Shares of ed, elective, direct.')),
    )
    .meta({
      description:
        'How admissions to each inpatient or day-case subprogram begin: ed, elective or direct shares.',
    }),
  maternal_age_rates: z
    .record(
      z.string().regex(/^\d{1,3}-\d{1,3}$/, { error: 'ages are written like 25-29' }),
      z.number().min(0).max(1000),
    )
    .meta({ description: 'Births per 1,000 women by age range; maternity admissions follow it.' }),
  maternity_subprograms: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/))
    .meta({ description: 'program.subprogram keys whose admissions follow maternal_age_rates.' }),
  subprogram_mix: z
    .record(
      identifier,
      z.record(
        identifier,
        z.record(identifier, probability).superRefine((mix, ctx) => {
          const message = sumError(mix);
          if (message) ctx.addIssue({ code: 'custom', message });
        }),
      ),
    )
    .meta({ description: 'Which subprogram an admission to a program lands in, by age band.' }),
  los: z
    .record(identifier, z.record(identifier, los))
    .meta({ description: 'Lognormal length of stay by program and subprogram.' }),
  los_reference_age: z.int().min(0).max(100).meta({
    description: 'Age at which the configured LOS medians hold.',
  }),
  los_age_factor_per_decade: z.record(identifier, z.number().gt(0).max(3)).meta({
    description:
      'Multiplier of the LOS median per decade of age above los_reference_age, by program (left out: 1).',
  }),
  alc: z.strictObject({
    los_threshold_days: z.number().gt(0.25).max(365).meta({
      description: 'A stay flagged ALC lasts at least this many days.',
    }),
    days: lognormalDuration('days', 'ALC days of an ALC stay, after its acute days.'),
    bed_day_share_band: z
      .tuple([probability, probability])
      .refine(([low, high]) => low < high, {
        error: "the band's low end must be below its high end",
      })
      .meta({
        description: 'Share of all bed-days that are ALC days validate accepts, [low, high].',
      }),
    probability: z.record(identifier, byAgeProbability).meta({
      description: 'Probability a stay is ALC, by program and age group.',
    }),
  }),
  transfers: z.array(transfer).meta({ description: 'Transfer corridors between sites.' }),
  transfer_gap_hours: lognormalDuration(
    'hours',
    'Time from the end of a stay to the start of the transfer stay at the partner site.',
  ),
  transfer_program_change_share: probability.meta({
    description: 'Share of transfers that continue in another program.',
  }),
  readmission: z.strictObject({
    within_30_days: z.record(identifier, bandProbabilities).meta({
      description:
        'Probability of an urgent readmission within 30 days of a discharge home, by program and age band.',
    }),
    via_ed_share: probability.meta({
      description: 'Share of readmissions that come through the ED.',
    }),
  }),
  discharge: z.strictObject({
    died: z.record(identifier, bandProbabilities).meta({
      description: 'In-hospital death probability of a stay by program and age band.',
    }),
    left_against_advice: probability.meta({
      description: 'Share of stays that end against medical advice.',
    }),
    home_with_support: bandProbabilities.meta({
      description: 'Share of live discharges home with support, by age band.',
    }),
    long_term_care: bandProbabilities.meta({
      description: 'Share of live discharges to long-term care, by age band.',
    }),
    after_alc: probabilityVector(ALC_DESTINATIONS, 'Where ALC stays end.'),
  }),
  timing: z.strictObject({
    discharge_weekday: profile(7, 'Relative discharges Monday-Sunday.'),
    discharge_hour: profile(24, 'Relative discharges by local hour 0-23.'),
    elective_weekday: profile(7, 'Relative elective admissions Monday-Sunday.'),
    elective_hour: profile(24, 'Relative elective admissions by local hour 0-23.'),
    direct_hour: profile(24, 'Relative direct admissions by local hour 0-23.'),
    seasonality: z.record(identifier, monthlyMultipliers).meta({
      description:
        'Monthly multipliers of direct and elective admissions by program (left out: flat).',
    }),
  }),
});

const capacity = z
  .strictObject({
    target_occupancy: z.number().gt(0).max(1.5).meta({
      description:
        'Staffed beds per site and month = the mean midnight census of the four weeks before / this.',
    }),
    occupancy_band: z
      .tuple([z.number().gt(0).max(2), z.number().gt(0).max(2)])
      .refine(([low, high]) => low < high, {
        message: "the band's low end must be below its high end",
      })
      .meta({
        description:
          'Realistic mean occupancy per site and year, [low, high]; checked by validate.',
      }),
  })
  .meta({ description: 'How staffed beds follow demand.' });

const validation = z
  .strictObject({
    ks_threshold: z.number().gt(0).max(1).meta({ description: 'Maximum KS distance.' }),
    corr_threshold: z.number().gt(0).max(2).meta({ description: 'Maximum correlation drift.' }),
    marginal_tolerance: z.number().gt(0).max(1).meta({
      description: 'Relative tolerance of LHA x age group x gender marginals.',
    }),
    volume_tolerance: z.number().gt(0).max(1).meta({
      description: 'Relative tolerance of ED volumes by facility x subservice.',
    }),
    pediatric_share_under_15_min: probability.meta({
      description: 'Minimum share of under-15 ED visits seen in the Pediatric ED.',
    }),
    pediatric_share_25_plus_max: probability.meta({
      description: 'Maximum share of 25+ ED visits seen in the Pediatric ED.',
    }),
    adult_ed_share_25_plus_min: probability.meta({
      description: 'Minimum share of 25+ ED visits seen in the Adult ED.',
    }),
    quality_score_min: probability.default(0.9).meta({
      description:
        'Minimum overall quality score (SDMetrics-style) of a dataset held against another with --compare, e.g. a model sample against its training data.',
    }),
  })
  .meta({ description: 'Thresholds of the validation gates.' });

/**
 * The scenario as written in YAML (merged over overlays, coverage CSV inlined).
 * Structure and local rules (sums, ranges) live on each part; references
 * between parts are checked by checkScenarioReferences, which runs even when
 * some part is malformed so every error is reported at once.
 */
export const scenarioInputSchema = z
  .strictObject({
    scenario: scenarioMeta,
    reference_date: referenceDate,
    time_zone: timeZone,
    start_year: z.int().min(1900).max(2200).meta({ description: 'First projection year.' }),
    horizon_years: z.int().min(1).max(50).meta({ description: 'Number of projection years.' }),
    seed: z.int().min(0).max(4_294_967_295).meta({ description: 'Default random seed (uint32).' }),
    patients: z.int().min(1).max(10_000_000).meta({ description: 'Default number of patients.' }),
    sites: z
      .record(siteCode, site)
      .meta({ description: 'Facilities keyed by code; site ids are 1-based in this order.' }),
    lhas: z
      .record(lhaName, lha)
      .meta({ description: 'Local health areas keyed by name; ids are 1-based in this order.' }),
    demography: demography,
    programs: z
      .record(identifier, program)
      .meta({ description: 'Programs keyed by a short key; ids are 1-based in this order.' }),
    coverage_matrix: coverageMatrix,
    age_bands: z.record(identifier, z.array(z.enum(AGE_GROUPS)).min(1)).meta({
      description:
        'Coarse age bands for acuity, disposition and subprogram mix; each age group in exactly one.',
    }),
    cross_lha: z
      .strictObject({
        home_facility_share: share(
          'Share of patients whose home facility is not their LHA default.',
        ),
        ed_non_home_share: share('Share of ED visits at a facility other than the home facility.'),
      })
      .meta({ description: 'Care outside the LHA default facility.' }),
    ed: ed,
    inpatient: inpatient,
    capacity: capacity,
    validation: validation,
  })
  // Runs even when a part failed to parse (`when`), so reference errors come with the rest.
  .superRefine(
    (value, ctx) => {
      for (const { path, message, at } of checkScenarioReferences(value))
        ctx.addIssue({ code: 'custom', path, message, params: { at } });
    },
    { when: () => true },
  )
  .meta({
    title: 'lm-synth scenario',
    description:
      'A scenario for lm-synth, which generates synthetic, fictional hospital data for non-production testing.',
  });

export type ScenarioInput = z.output<typeof scenarioInputSchema>;
